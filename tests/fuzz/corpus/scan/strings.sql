SELECT 'it''s', E'a\'b', $$x;$$, $t$y$t$, "q""x", 1.5e3, 0x1F, $1 FROM t -- c
/* a /* b */ c */;