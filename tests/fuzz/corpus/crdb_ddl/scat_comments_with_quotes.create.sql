CREATE TABLE public."t   t" (
	"x'" INT8 NOT NULL,
	CONSTRAINT "t   t_pkey" PRIMARY KEY ("x'" ASC)
);
COMMENT ON TABLE public."t   t" IS e'has \' quotes';
COMMENT ON COLUMN public."t   t"."x'" IS e'i \' just \' love \' quotes';
COMMENT ON INDEX public."t   t"@"t   t_pkey" IS e'has \' more \' quotes';
COMMENT ON CONSTRAINT "t   t_pkey" ON public."t   t" IS 'new constraint comment'
