CREATE DATABASE test_schema;
USE test_schema;
CREATE SCHEMA sc1;
CREATE SCHEMA sc2;
CREATE TABLE sc1.t (x int);
CREATE TABLE sc2.t (x int);
