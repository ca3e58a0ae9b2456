package org.edgeslice.onem2m.function;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/** An immutable set of {@link CommonServiceFunction}s: those a slice holds, or those one endpoint serves. */
public final class FunctionSet {
    private final Set<CommonServiceFunction> functions;

    private FunctionSet(Set<CommonServiceFunction> functions) {
        this.functions = functions.isEmpty() ? EnumSet.noneOf(CommonServiceFunction.class)
                : EnumSet.copyOf(functions);
    }

    public static FunctionSet of(CommonServiceFunction... functions) {
        return new FunctionSet(Set.of(functions));
    }

    public static FunctionSet of(Collection<CommonServiceFunction> functions) {
        return new FunctionSet(Set.copyOf(functions));
    }

    public static FunctionSet all() {
        return new FunctionSet(EnumSet.allOf(CommonServiceFunction.class));
    }

    /**
     * The functions a slice holds, from a comma-separated list. DATA_MANAGEMENT is always added: a CSE without
     * a repository holds nothing (see the module overview).
     */
    public static FunctionSet forSlice(String commaSeparated) {
        EnumSet<CommonServiceFunction> set = EnumSet.of(CommonServiceFunction.DATA_MANAGEMENT);
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                set.add(CommonServiceFunction.parse(part));
            }
        }
        return new FunctionSet(set);
    }

    public boolean contains(CommonServiceFunction f) {
        return functions.contains(f);
    }

    public Set<CommonServiceFunction> asSet() {
        return EnumSet.copyOf(functions.isEmpty() ? EnumSet.noneOf(CommonServiceFunction.class) : functions);
    }

    @Override
    public String toString() {
        // a loop, not a stream: printed once at every slice start, where the stream classes would stay loaded
        StringJoiner names = new StringJoiner(",");
        for (CommonServiceFunction f : functions) {
            names.add(f.configName());
        }
        return names.toString();
    }
}
