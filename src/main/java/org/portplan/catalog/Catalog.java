package org.portplan.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The merged device catalog: documents, roles, features, models and flows from all catalog files. */
public final class Catalog {

    private final Map<String, Document> documents;
    private final Map<String, Role> roles;
    private final Map<String, Feature> features;
    private final Map<String, DeviceModel> models;
    private final Map<String, Flow> flows;
    private final Map<String, List<DeviceModel>> modelsByRole;

    public Catalog(Map<String, Document> documents, Map<String, Role> roles, Map<String, Feature> features,
                   Map<String, DeviceModel> models, Map<String, Flow> flows) {
        this.documents = Collections.unmodifiableMap(new TreeMap<>(documents));
        this.roles = Collections.unmodifiableMap(new TreeMap<>(roles));
        this.features = Collections.unmodifiableMap(new TreeMap<>(features));
        this.models = Collections.unmodifiableMap(new TreeMap<>(models));
        this.flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
        Map<String, List<DeviceModel>> byRole = new TreeMap<>();
        for (DeviceModel m : this.models.values()) {
            for (String r : m.roles()) {
                byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(m);
            }
        }
        this.modelsByRole = Collections.unmodifiableMap(byRole);
    }

    public Map<String, Document> documents() {
        return documents;
    }

    public Map<String, Role> roles() {
        return roles;
    }

    public Map<String, Feature> features() {
        return features;
    }

    public Map<String, DeviceModel> models() {
        return models;
    }

    /** Flows in catalog order (file name, then order in the file). */
    public Map<String, Flow> flows() {
        return flows;
    }

    public Optional<DeviceModel> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /**
     * The roles a peer declared with {@code role} plays: a model id stands for every role of
     * that model (a peer declared as equinox-management is its gatekeeper and its B2BUA too).
     */
    public List<String> rolesOfPeer(String role) {
        return model(role).map(DeviceModel::roles).orElse(List.of(role));
    }

    /** Models playing a role, by model id. */
    public List<DeviceModel> modelsPlaying(String role) {
        return modelsByRole.getOrDefault(role, List.of());
    }

    /** Every role name a site may use for a peer: declared roles and roles played by models. */
    public TreeSet<String> allRoleNames() {
        TreeSet<String> names = new TreeSet<>(roles.keySet());
        names.addAll(modelsByRole.keySet());
        return names;
    }

    public boolean isRole(String name) {
        return roles.containsKey(name) || modelsByRole.containsKey(name);
    }

    /** What {@code flow} opens toward {@code role} (one of its ends) when the site declares nobody for it. */
    public Undeclared whenUndeclared(Flow flow, String role) {
        if (flow.whenUndeclared() != null) {
            return flow.whenUndeclared();
        }
        Role r = roles.get(role);
        return r == null ? Undeclared.NOBODY : r.whenUndeclared();
    }

    /** Whether parties of {@code role} administer or monitor devices (their flows from outside need an opt-in). */
    public boolean isManagement(String role) {
        Role r = roles.get(role);
        return r != null && r.management();
    }
}
