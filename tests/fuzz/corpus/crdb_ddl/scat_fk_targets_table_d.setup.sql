CREATE DATABASE test_fk_order;
USE test_fk_order;;
CREATE TABLE g (i int PRIMARY KEY);;
CREATE TABLE f (i int PRIMARY KEY, g int REFERENCES g, FAMILY f1 (i, g));;
CREATE TABLE e (i int PRIMARY KEY);;
CREATE TABLE d (i int PRIMARY KEY, e int REFERENCES e, f int REFERENCES f, FAMILY f1 (i, e, f));
