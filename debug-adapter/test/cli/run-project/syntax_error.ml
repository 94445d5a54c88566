// Does not parse.
x = (1 + ;
