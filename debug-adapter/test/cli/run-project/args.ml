// Prints the program's own arguments.
import args;
print(args.rest());
