// Imports a user module from lib/ and fails inside it.
import lib.util as util;
print(util.double(21));
print(util.fail_in_module());
