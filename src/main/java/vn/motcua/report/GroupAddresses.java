package vn.motcua.report;

import java.util.List;

/** The e-mail addresses of a group's members, from the engine's identity store (the engine module implements it). */
public interface GroupAddresses {

    /** The addresses of the group's members who have one, each once. */
    List<String> of(String group);
}
