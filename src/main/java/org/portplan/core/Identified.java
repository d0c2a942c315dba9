package org.portplan.core;

import java.util.Optional;

/** Something named in input and output by a short lower-case id ("udp", "pf", "internet"). */
public interface Identified {

    String id();

    /** The constant of {@code type} whose id is {@code id}. */
    static <E extends Enum<E> & Identified> Optional<E> byId(Class<E> type, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
