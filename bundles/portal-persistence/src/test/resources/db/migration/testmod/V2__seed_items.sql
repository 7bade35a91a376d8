INSERT INTO items (title) VALUES ('first'), ('second');
