INSERT INTO jobs VALUES (1, 'queued', now(), NULL), (2, 'done', now(), now());
