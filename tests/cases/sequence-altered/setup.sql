SELECT nextval('ticket_no'), nextval('ticket_no');
