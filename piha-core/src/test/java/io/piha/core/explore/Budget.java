package io.piha.core.explore;

/**
 * How many faults and operator commands an exploration may still add to a history. A fault is a control-plane crash
 * (between persisting and acting), an agent restart, a host hanging, the switch failing a PoE action, a message lost
 * or duplicated, or lateness: time advancing past a deadline while something is still undone at the earlier instant
 * (a message in flight, an effect not carried out, a timer not fired). Between faults every interleaving of what
 * happens at the same instant is explored. Small budgets keep the state space finite and the depth meaningful.
 *
 * @param operator operator commands still allowed (promote, demote, freeze)
 * @param faults faults still allowed
 */
record Budget(int operator, int faults) {

    Budget {
        if (operator < 0 || faults < 0) {
            throw new IllegalArgumentException("a budget must not be negative: operator " + operator + ", faults "
                    + faults);
        }
    }

    Budget operatorUsed() {
        return new Budget(operator - 1, faults);
    }

    Budget faultUsed() {
        return new Budget(operator, faults - 1);
    }

    @Override
    public String toString() {
        return operator + " operator command(s), " + faults + " fault(s)";
    }
}
