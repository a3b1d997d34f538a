'a'
  'b' U&'d\0061' B'101' X'FF' N'n'