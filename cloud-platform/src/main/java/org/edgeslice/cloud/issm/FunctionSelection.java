package org.edgeslice.cloud.issm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.edgeslice.onem2m.function.CommonServiceFunction;

/**
 * A slice's function set in canonical form: the common service functions in the engine's order, data management
 * always included (a CSE without a repository holds nothing). Gives the CSFR tag ({@code reg-ret-sub-not}), the
 * SLICE_FUNCTIONS value and the list reported to the handler.
 */
public record FunctionSelection(Set<CommonServiceFunction> functions) {

    public FunctionSelection {
        EnumSet<CommonServiceFunction> s = EnumSet.of(CommonServiceFunction.DATA_MANAGEMENT);
        s.addAll(functions);
        functions = s;
    }

    /** @throws IllegalArgumentException naming the unknown function */
    public static FunctionSelection parse(Collection<String> names) {
        EnumSet<CommonServiceFunction> s = EnumSet.noneOf(CommonServiceFunction.class);
        for (String n : names) {
            CommonServiceFunction f = CommonServiceFunction.parse(n);
            if (f == CommonServiceFunction.GROUP_MANAGEMENT) {
                // not one of the paper's slice functions: groups live in the cloud's IN-CSE
                throw new IllegalArgumentException("group-management is not a function an IoT slice holds");
            }
            s.add(f);
        }
        return new FunctionSelection(s);
    }

    /** The CSFR tag of the image holding exactly these functions, e.g. {@code reg-ret-sub-not} ({@code dm} alone). */
    public String tag() {
        List<String> parts = new ArrayList<>();
        for (CommonServiceFunction f : functions) {
            switch (f) {
                case REGISTRATION -> parts.add("reg");
                case RETRIEVE -> parts.add("ret");
                case SUBSCRIPTION -> parts.add("sub");
                case NOTIFICATION -> parts.add("not");
                default -> {
                }
            }
        }
        return parts.isEmpty() ? "dm" : String.join("-", parts);
    }

    /** The value of SLICE_FUNCTIONS: {@code registration,retrieve,...} (data-management is implied). */
    public String sliceFunctionsValue() {
        return functions.stream().filter(f -> f != CommonServiceFunction.DATA_MANAGEMENT)
                .map(CommonServiceFunction::configName).collect(Collectors.joining(","));
    }

    /** Every function, with data-management, as config names. */
    public List<String> names() {
        return functions.stream().map(CommonServiceFunction::configName).toList();
    }

    public boolean contains(CommonServiceFunction f) {
        return functions.contains(f);
    }

    public boolean containsAll(FunctionSelection other) {
        return functions.containsAll(other.functions);
    }

    public FunctionSelection plus(CommonServiceFunction... more) {
        EnumSet<CommonServiceFunction> s = EnumSet.copyOf(functions);
        s.addAll(List.of(more));
        return new FunctionSelection(s);
    }

    /** Parses a tag back ({@code reg-ret}); null when the tag is not a function-set tag. */
    public static FunctionSelection fromTag(String tag) {
        EnumSet<CommonServiceFunction> s = EnumSet.noneOf(CommonServiceFunction.class);
        if (!tag.equals("dm")) {
            for (String p : tag.toLowerCase(Locale.ROOT).split("-")) {
                switch (p) {
                    case "reg" -> s.add(CommonServiceFunction.REGISTRATION);
                    case "ret" -> s.add(CommonServiceFunction.RETRIEVE);
                    case "sub" -> s.add(CommonServiceFunction.SUBSCRIPTION);
                    case "not" -> s.add(CommonServiceFunction.NOTIFICATION);
                    default -> {
                        return null;
                    }
                }
            }
        }
        return new FunctionSelection(s);
    }
}
