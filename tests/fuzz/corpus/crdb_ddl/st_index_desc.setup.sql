CREATE TABLE %s (
	a int8,
	b int8,
	index c(a asc, b desc)
)
