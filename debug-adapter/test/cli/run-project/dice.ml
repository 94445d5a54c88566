// Rolls dice with the random module: the same --seed gives the same rolls.
import random;
rolls = [];
for (i in range(5)) {
  rolls.append(random.randomInt(1, 6));
}
print(rolls);
