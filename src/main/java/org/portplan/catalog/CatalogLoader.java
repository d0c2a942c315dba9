package org.portplan.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.portplan.core.PortRange;
import org.portplan.core.Protocol;
import org.portplan.diag.Code;
import org.portplan.diag.Diagnostics;
import org.portplan.diag.Location;
import org.portplan.diag.Suggestions;
import org.portplan.yaml.Fields;
import org.portplan.yaml.MapNode;
import org.portplan.yaml.Node;
import org.portplan.yaml.ScalarNode;
import org.portplan.yaml.YamlReader;

/**
 * Reads catalog YAML files into a {@link Catalog}, checking everything a catalog author can
 * get wrong: unknown keys, missing sources, dangling document, role, pool and feature names,
 * defaults outside bounds, malformed size formulas.
 */
public final class CatalogLoader {

    // The keys each part accepts; package-visible because a test checks the JSON schema names exactly these.
    static final Set<String> FILE_KEYS = Set.of("vendor", "sip-alg", "documents", "roles", "features", "models",
            "flows");
    static final Set<String> SIP_ALG_KEYS = Set.of("wants", "source");
    static final Set<String> DOCUMENT_KEYS = Set.of("title", "publisher", "seed", "url");
    static final Set<String> ROLE_KEYS = Set.of("title", "when-undeclared", "management", "source");
    static final Set<String> FEATURE_KEYS = Set.of("description");
    static final Set<String> MODEL_KEYS = Set.of("title", "roles", "params", "pools", "settings", "instructions",
            "source");
    static final Set<String> PARAM_KEYS = Set.of("default", "min", "max", "choices", "description", "source");
    static final Set<String> POOL_KEYS = Set.of("protocol", "port", "once-per-address", "default", "bounds",
            "size", "align", "max-size", "by", "variants", "purpose", "settings", "source");
    static final Set<String> WINDOW_KEYS = Set.of("default", "bounds");
    static final Set<String> SETTING_KEYS = Set.of("where", "name", "value", "variants", "when", "source");
    static final Set<String> INSTRUCTION_KEYS = Set.of("text", "kind", "when", "source");
    static final Set<String> FLOW_KEYS = Set.of("from", "to", "ports", "from-ports", "requirement", "when",
            "from-outside", "when-undeclared", "from-zone", "to-zone", "purpose", "source");
    static final Set<String> CITATION_KEYS = Set.of("document", "section", "page", "note");

    private final Diagnostics diags;
    private final Map<String, Document> documents = new TreeMap<>();
    private final Map<String, Role> roles = new TreeMap<>();
    private final Map<String, Feature> features = new TreeMap<>();
    private final Map<String, DeviceModel> models = new TreeMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, Location> definedAt = new TreeMap<>();
    private final List<Located<Citation>> citations = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<Template> templates = new ArrayList<>();
    /**
     * Names ("model x", "role y") whose definitions have errors of their own. References to
     * them are not reported again: each file's errors are its own.
     */
    private final Set<String> unsure = new java.util.HashSet<>();
    /** A file could not be read whole, so any name may have been defined in it. */
    private boolean incomplete;
    /** Pools written for models with errors (none known: their pools could not be read at all). */
    private final Map<String, Set<String>> writtenPools = new TreeMap<>();

    private record Located<T>(T value, Location at) {
    }

    /** A 'when' of a model's setting or instruction, checked once every feature and flow is known. */
    private record Condition(String ctx, String model, List<String> roles, List<ScalarNode> names) {
    }

    /** A setting's value, whose placeholders are checked once every role is known; {@code pool} for pool settings. */
    private record Template(String ctx, ScalarNode value, boolean pool) {
    }

    private CatalogLoader(Diagnostics diags) {
        this.diags = diags;
    }

    /**
     * Loads and checks the catalog; empty when any file has an error. Every file is read, and
     * errors that only follow from another error (a flow naming a pool of a model whose
     * definition is broken) are not reported: each file's errors are its own.
     */
    public static Optional<Catalog> load(List<SourceText> files, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        CatalogLoader loader = new CatalogLoader(local);
        for (SourceText f : files) {
            Optional<Node> root = YamlReader.read(f.name(), f.text(), local);
            root.ifPresentOrElse(loader::readFile, () -> loader.incomplete = true);
        }
        if (files.isEmpty()) {
            local.error(Code.EMPTY_CATALOG, null, "the catalog has no *.yaml files");
        }
        Catalog catalog = new Catalog(loader.documents, loader.roles, loader.features, loader.models, loader.flows);
        loader.crossCheck(catalog);
        diags.addAll(local);
        return local.hasErrors() ? Optional.empty() : Optional.of(catalog);
    }

    private void readFile(Node root) {
        int before = diags.errorCount();
        Optional<Fields> file = Fields.of(root, diags, "catalog file", FILE_KEYS);
        if (file.isEmpty()) {
            incomplete = true;
            return;
        }
        Fields f = file.get();
        String vendor = f.string("vendor", false).orElse(null);
        SipAlg sipAlg = f.get("sip-alg").flatMap(this::readSipAlg).orElse(null);
        Optional<MapNode> documentsNode = f.mapping("documents", false);
        Optional<MapNode> rolesNode = f.mapping("roles", false);
        Optional<MapNode> featuresNode = f.mapping("features", false);
        Optional<MapNode> modelsNode = f.mapping("models", false);
        Optional<MapNode> flowsNode = f.mapping("flows", false);
        // A misspelled or malformed section hides definitions other files may refer to.
        incomplete |= diags.errorCount() > before;
        documentsNode.ifPresent(m -> m.entries().forEach(e -> checked("document", e, () -> readDocument(e))));
        rolesNode.ifPresent(m -> m.entries().forEach(e -> checked("role", e, () -> readRole(e))));
        featuresNode.ifPresent(m -> m.entries().forEach(e -> checked("feature", e, () -> readFeature(e))));
        modelsNode.ifPresent(m -> m.entries().forEach(e -> checked("model", e, () -> readModel(e, vendor, sipAlg))));
        flowsNode.ifPresent(m -> m.entries().forEach(e -> checked("flow", e, () -> readFlow(e))));
    }

    /** Reads one definition; if it has errors, later references to its name are not reported. */
    private void checked(String kind, MapNode.Entry e, Runnable read) {
        int before = diags.errorCount();
        read.run();
        if (diags.errorCount() > before) {
            unsure.add(kind + " " + e.name());
            if (kind.equals("model")) {
                // A model is also a role, and plays the roles it lists; read them and its pool
                // names leniently, to know which references its errors may explain.
                unsure.add("role " + e.name());
                Set<String> pools = new java.util.TreeSet<>();
                if (e.value() instanceof MapNode m) {
                    if (m.get("roles").orElse(null) instanceof org.portplan.yaml.SeqNode roles) {
                        roles.items().forEach(r -> {
                            if (r instanceof ScalarNode sr) {
                                unsure.add("role " + sr.text());
                            }
                        });
                    }
                    if (m.get("pools").orElse(null) instanceof MapNode pm) {
                        pm.entries().forEach(pe -> pools.add(pe.name()));
                    }
                }
                writtenPools.put(e.name(), pools);
            }
        }
    }

    /** Whether a reference to {@code kind name} may only be unresolved because of another error. */
    private boolean unsure(String kind, String name) {
        return incomplete || unsure.contains(kind + " " + name);
    }

    private boolean define(String kind, MapNode.Entry e) {
        String key = kind + " " + e.name();
        Location previous = definedAt.putIfAbsent(key, e.key().location());
        if (previous != null) {
            diags.error(Code.DUPLICATE_DEFINITION, e.key().location(),
                    kind + " '" + e.name() + "' is already defined at " + previous);
            return false;
        }
        return Fields.name(e.key(), diags, kind + " id").isPresent();
    }

    private void readDocument(MapNode.Entry e) {
        if (!define("document", e)) {
            return;
        }
        Fields.of(e.value(), diags, "document '" + e.name() + "'", DOCUMENT_KEYS).ifPresent(f -> {
            Optional<String> title = f.string("title", true);
            title.ifPresent(t -> documents.put(e.name(), new Document(e.name(), t,
                    f.string("publisher", false).orElse(null), f.string("seed", false).orElse(null),
                    f.string("url", false).orElse(null))));
        });
    }

    private void readRole(MapNode.Entry e) {
        if (!define("role", e)) {
            return;
        }
        Fields.of(e.value(), diags, "role '" + e.name() + "'", ROLE_KEYS).ifPresent(f -> {
            Optional<String> title = f.string("title", true);
            Undeclared undeclared = f.scalar("when-undeclared", false).flatMap(s -> undeclared(s, "role '" + e.name() + "'"))
                    .orElse(Undeclared.NOBODY);
            boolean management = f.scalar("management", false).map(s -> {
                if (!s.text().equals("true") && !s.text().equals("false")) {
                    diags.error(Code.INVALID_CHOICE, s.location(),
                            "role '" + e.name() + "': management must be true or false, found '" + s.text() + "'");
                }
                return s.text().equals("true");
            }).orElse(false);
            Citation source = f.get("source").flatMap(this::citation).orElse(null);
            title.ifPresent(t -> roles.put(e.name(), new Role(e.name(), t, undeclared, management, source)));
        });
    }

    private void readFeature(MapNode.Entry e) {
        if (!define("feature", e)) {
            return;
        }
        Fields.of(e.value(), diags, "feature '" + e.name() + "'", FEATURE_KEYS).ifPresent(f ->
                f.string("description", true).ifPresent(d -> features.put(e.name(), new Feature(e.name(), d))));
    }

    /** The file's {@code sip-alg}: what its vendor's documents say of the firewall's SIP ALG, with where. */
    private Optional<SipAlg> readSipAlg(Node n) {
        Optional<Fields> of = Fields.of(n, diags, "sip-alg", SIP_ALG_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<SipAlg.Stance> wants = f.scalar("wants", true).flatMap(w -> {
            Optional<SipAlg.Stance> s = SipAlg.Stance.byId(w.text());
            if (s.isEmpty()) {
                List<String> ids = java.util.Arrays.stream(SipAlg.Stance.values()).map(SipAlg.Stance::id).toList();
                diags.error(Code.INVALID_CHOICE, w.location(),
                        "sip-alg wants must be one of " + String.join(", ", ids) + ", found '"
                        + w.text() + "'" + Suggestions.hint(w.text(), ids));
            }
            return s;
        });
        Optional<Citation> source = f.required("source").flatMap(this::citation);
        return wants.isPresent() && source.isPresent() ? Optional.of(new SipAlg(wants.get(), source.get())) : Optional.empty();
    }

    private void readModel(MapNode.Entry e, String vendor, SipAlg sipAlg) {
        if (!define("model", e)) {
            return;
        }
        String ctx = "model '" + e.name() + "'";
        Optional<Fields> of = Fields.of(e.value(), diags, ctx, MODEL_KEYS);
        if (of.isEmpty()) {
            return;
        }
        Fields f = of.get();
        if (vendor == null) {
            diags.error(Code.MODEL_WITHOUT_VENDOR, e.key().location(), ctx + " is in a catalog file without a 'vendor' key");
        }
        Optional<String> title = f.string("title", true);
        Optional<Citation> source = f.required("source").flatMap(this::citation);
        List<String> modelRoles = new ArrayList<>();
        f.list("roles", false).ifPresentOrElse(
                items -> Fields.scalars(items, diags, ctx + " role").forEach(s ->
                        Fields.name(s, diags, ctx + " role").ifPresent(modelRoles::add)),
                () -> modelRoles.add(e.name()));
        Map<String, Param> params = new LinkedHashMap<>();
        f.mapping("params", false).ifPresent(m -> m.entries().forEach(pe -> readParam(ctx, pe).ifPresent(p -> params.put(p.name(), p))));
        List<Pool> pools = new ArrayList<>();
        Set<String> poolNames = new java.util.HashSet<>();
        f.mapping("pools", false).ifPresent(m -> m.entries().forEach(pe -> {
            if (Fields.name(pe.key(), diags, ctx + " pool name").isPresent() && poolNames.add(pe.name())) {
                readPool(ctx, e.name(), modelRoles, pe, params).ifPresent(pools::add);
            }
        }));
        List<Setting> settings = new ArrayList<>();
        f.list("settings", false).ifPresent(items -> settings.addAll(settings(ctx, e.name(), modelRoles, items, false, null, params)));
        List<Instruction> instructions = new ArrayList<>();
        f.list("instructions", false).ifPresent(items -> items.forEach(n ->
                Fields.of(n, diags, ctx + " instruction", INSTRUCTION_KEYS).ifPresent(inf -> {
                    Optional<String> text = inf.string("text", true);
                    Optional<Citation> c = inf.required("source").flatMap(this::citation);
                    Instruction.Kind kind = inf.scalar("kind", false).map(k -> Instruction.Kind.byId(k.text()).orElseGet(() -> {
                        diags.error(Code.INVALID_CHOICE, k.location(),
                                ctx + " instruction: kind must be note or advice, found '" + k.text() + "'"
                                + Suggestions.hint(k.text(), List.of("note", "advice")));
                        return Instruction.Kind.NOTE;
                    })).orElse(Instruction.Kind.NOTE);
                    List<String> when = when(inf, ctx + " instruction", e.name(), modelRoles);
                    if (text.isPresent() && c.isPresent()) {
                        instructions.add(new Instruction(text.get(), c.get(), kind, when));
                    }
                })));
        if (title.isPresent() && source.isPresent()) {
            models.put(e.name(), new DeviceModel(e.name(), vendor == null ? "" : vendor, title.get(), modelRoles,
                    params, pools, settings, instructions, source.get(), sipAlg, e.key().location()));
        }
    }

    private Optional<Param> readParam(String ctx, MapNode.Entry e) {
        String pctx = ctx + " param '" + e.name() + "'";
        if (Fields.name(e.key(), diags, pctx).isEmpty()) {
            return Optional.empty();
        }
        Optional<Fields> of = Fields.of(e.value(), diags, pctx, PARAM_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<String> description = f.string("description", true);
        Citation source = f.get("source").flatMap(this::citation).orElse(null);
        List<String> choices = new ArrayList<>();
        f.list("choices", false).ifPresent(items -> Fields.scalars(items, diags, pctx + " choice")
                .forEach(s -> choices.add(s.text())));
        Long min = f.integer("min", false, 0, Integer.MAX_VALUE).map(Integer::longValue).orElse(null);
        Long max = f.integer("max", false, 0, Integer.MAX_VALUE).map(Integer::longValue).orElse(null);
        Optional<ScalarNode> def = f.scalar("default", false);
        if (!choices.isEmpty() && (min != null || max != null)) {
            diags.error(Code.INVALID_PARAM, f.node().location(), pctx + " has choices, so it cannot also have min or max");
        }
        if (choices.isEmpty() && (min == null || max == null)) {
            diags.error(Code.INVALID_PARAM, f.node().location(), pctx + " needs 'min' and 'max' (or a list of 'choices')");
        }
        if (def.isPresent()) {
            String d = def.get().text();
            if (!choices.isEmpty() && !choices.contains(d)) {
                diags.error(Code.INVALID_PARAM, def.get().location(),
                        pctx + " default '" + d + "' is not one of its choices " + choices);
            } else if (choices.isEmpty() && min != null && max != null) {
                Fields.integer(def.get(), diags, pctx + " default", min, max);
            }
        }
        if (description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Param(e.name(), choices, min, max, def.map(ScalarNode::text).orElse(null),
                description.get(), source));
    }

    /**
     * A model's settings or a pool's ({@code selector}: the pool's choice param, if any): model
     * settings cite their own source, pool settings their pool's.
     */
    private List<Setting> settings(String ctx, String model, List<String> roles, List<Node> items, boolean pool,
                                   String selector, Map<String, Param> params) {
        List<Setting> out = new ArrayList<>();
        for (Node n : items) {
            Fields.of(n, diags, ctx + " setting", SETTING_KEYS).ifPresent(sf -> {
                Optional<String> where = sf.string("where", false);
                Optional<String> name = sf.string("name", true);
                Optional<ScalarNode> value = sf.scalar("value", true);
                Optional<Citation> source = pool ? sf.get("source").flatMap(this::citation)
                        : sf.required("source").flatMap(this::citation);
                List<String> variants = new ArrayList<>();
                sf.listOrScalar("variants", false).ifPresent(vs -> Fields.scalars(vs, diags, ctx + " setting variant")
                        .forEach(v -> {
                            if (selector == null) {
                                diags.error(Code.INVALID_VARIANTS, v.location(),
                                        ctx + ": a setting's 'variants' needs a pool picked 'by' a param");
                            } else if (!params.get(selector).choices().contains(v.text())) {
                                diags.error(Code.INVALID_VARIANTS, v.location(),
                                        ctx + ": '" + v.text() + "' is not a choice of '" + selector + "'"
                                        + Suggestions.hint(v.text(), params.get(selector).choices()));
                            } else {
                                variants.add(v.text());
                            }
                        }));
                List<String> when = when(sf, ctx + " setting", model, roles);
                value.ifPresent(v -> templates.add(new Template(ctx + " setting", v, pool)));
                if (name.isPresent() && value.isPresent() && (pool || source.isPresent())) {
                    out.add(new Setting(where.orElse(null), name.get(), value.get().text(), variants, when,
                            source.orElse(null)));
                }
            });
        }
        return out;
    }

    /** The names of a 'when' (one or a list), kept for the cross-check. */
    private List<String> when(Fields f, String ctx, String model, List<String> roles) {
        List<ScalarNode> names = new ArrayList<>();
        f.listOrScalar("when", false).ifPresent(items -> names.addAll(Fields.scalars(items, diags, ctx + " 'when'")));
        if (f.get("when").isPresent() && names.isEmpty()) {
            diags.error(Code.EMPTY_LIST, f.get("when").get().location(),
                    ctx + ": 'when' is empty; name a feature or a flow, or leave it out");
        }
        conditions.add(new Condition(ctx, model, List.copyOf(roles), names));
        return names.stream().map(ScalarNode::text).toList();
    }

    private Optional<Pool> readPool(String ctx, String model, List<String> roles, MapNode.Entry e,
                                  Map<String, Param> params) {
        String pctx = ctx + " pool '" + e.name() + "'";
        Optional<Fields> of = Fields.of(e.value(), diags, pctx, POOL_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<Set<Protocol>> protocols = f.scalar("protocol", true).flatMap(s -> protocols(s, pctx));
        Optional<String> purpose = f.string("purpose", true);
        Optional<Citation> source = f.required("source").flatMap(this::citation);
        Optional<PoolKind> kind = poolKind(f, pctx, params);
        String selector = kind.filter(k -> k instanceof PoolKind.Allocatable a && a.selector() != null)
                .map(k -> ((PoolKind.Allocatable) k).selector()).orElse(null);
        List<Setting> settings = new ArrayList<>();
        f.list("settings", false).ifPresent(items -> settings.addAll(settings(pctx, model, roles, items, true, selector, params)));
        if (protocols.isEmpty() || purpose.isEmpty() || source.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pool(e.name(), protocols.get(), kind.get(), purpose.get(), settings, source.get(),
                e.key().location()));
    }

    private Optional<PoolKind> poolKind(Fields f, String pctx, Map<String, Param> params) {
        boolean fixed = f.get("port").isPresent();
        boolean allocatable = f.get("default").isPresent() || f.get("by").isPresent();
        if (fixed == allocatable) {
            diags.error(Code.INVALID_POOL, f.node().location(),
                    pctx + " needs either 'port' (a fixed port or range) or 'default'"
                    + " (an allocatable range), not " + (fixed ? "both" : "neither"));
            return Optional.empty();
        }
        if (fixed) {
            for (String k : List.of("bounds", "size", "align", "max-size", "by", "variants")) {
                f.entry(k).ifPresent(en -> diags.error(Code.INVALID_POOL, en.key().location(),
                        pctx + " has a fixed 'port', so '" + k + "' does not apply"));
            }
            Optional<PortRange> ports = f.scalar("port", true).flatMap(s -> range(s, pctx + " port"));
            Optional<String> group = f.name("once-per-address", false);
            if (ports.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(group.<PoolKind>map(g -> new PoolKind.PerAddress(ports.get(), g))
                    .orElse(new PoolKind.Fixed(ports.get())));
        }
        f.entry("once-per-address").ifPresent(en -> diags.error(Code.INVALID_POOL, en.key().location(),
                pctx + ": 'once-per-address' applies to fixed ports only"));
        int align = f.integer("align", false, 1, 1024).orElse(1);
        int maxSize = f.integer("max-size", false, 1, PortRange.MAX).orElse(0);
        List<SizeExpr> sizes = new ArrayList<>();
        f.listOrScalar("size", false).ifPresent(items -> Fields.scalars(items, diags, pctx + " size").forEach(sizeNode -> {
            try {
                SizeExpr size = SizeExpr.parse(sizeNode.text());
                for (String p : size.params()) {
                    Param param = params.get(p);
                    if (param == null) {
                        diags.error(Code.INVALID_SIZE_FORMULA, sizeNode.location(),
                                pctx + " size uses unknown param '" + p + "'"
                                + Suggestions.hint(p, params.keySet()));
                    } else if (param.isChoice()) {
                        diags.error(Code.INVALID_SIZE_FORMULA, sizeNode.location(),
                                pctx + " size uses '" + p + "', which is a choice, not a number");
                    }
                }
                sizes.add(size);
            } catch (IllegalArgumentException ex) {
                diags.error(Code.INVALID_SIZE_FORMULA, sizeNode.location(), pctx + ": " + ex.getMessage());
            }
        }));
        Optional<ScalarNode> by = f.scalar("by", false);
        if (by.isEmpty()) {
            f.entry("variants").ifPresent(en -> diags.error(Code.INVALID_VARIANTS, en.key().location(),
                    pctx + ": 'variants' needs 'by'"));
            Optional<PoolKind.Window> w = window(f, pctx);
            return w.flatMap(win -> allocatable(f, pctx, new PoolKind.Allocatable(win, null, Map.of(), sizes, align, maxSize)));
        }
        for (String k : List.of("default", "bounds")) {
            f.entry(k).ifPresent(en -> diags.error(Code.INVALID_VARIANTS, en.key().location(),
                    pctx + " picks its range 'by' a param, so '" + k + "' belongs inside each variant"));
        }
        String selector = by.get().text();
        Param sel = params.get(selector);
        if (sel == null || !sel.isChoice()) {
            diags.error(Code.INVALID_VARIANTS, by.get().location(),
                    pctx + " 'by' must name a choice param of the model, found '" + selector + "'"
                    + Suggestions.hint(selector, params.keySet()));
            return Optional.empty();
        }
        Optional<MapNode> variants = f.mapping("variants", true);
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        Map<String, PoolKind.Window> windows = new TreeMap<>();
        for (MapNode.Entry ve : variants.get().entries()) {
            if (!sel.choices().contains(ve.name())) {
                diags.error(Code.INVALID_VARIANTS, ve.key().location(),
                        pctx + " variant '" + ve.name() + "' is not a choice of '" + selector + "'"
                        + Suggestions.hint(ve.name(), sel.choices()));
                continue;
            }
            Fields.of(ve.value(), diags, pctx + " variant '" + ve.name() + "'", WINDOW_KEYS)
                    .flatMap(vf -> window(vf, pctx + " variant '" + ve.name() + "'"))
                    .ifPresent(w -> windows.put(ve.name(), w));
        }
        for (String c : sel.choices()) {
            if (!windows.containsKey(c)) {
                diags.error(Code.INVALID_VARIANTS, variants.get().location(),
                        pctx + " has no variant for " + selector + " '" + c + "'");
            }
        }
        if (sel.defaultValue() == null) {
            diags.error(Code.INVALID_VARIANTS, by.get().location(),
                    pctx + " picks its range by '" + selector + "', which needs a default");
            return Optional.empty();
        }
        PoolKind.Window fallback = windows.get(sel.defaultValue());
        if (fallback == null) {
            return Optional.empty();
        }
        return allocatable(f, pctx, new PoolKind.Allocatable(fallback, selector, windows, sizes, align, maxSize));
    }

    /** The pool, unless its max-size is narrower than one of its default ranges. */
    private Optional<PoolKind> allocatable(Fields f, String pctx, PoolKind.Allocatable a) {
        if (a.maxSize() == 0) {
            return Optional.of(a);
        }
        List<PoolKind.Window> all = new ArrayList<>(a.windows().values());
        all.add(a.window());
        for (PoolKind.Window w : all) {
            if (a.maxSize() < w.defaultRange().size()) {
                diags.error(Code.INVALID_POOL, f.entry("max-size").get().key().location(), pctx + " max-size " + a.maxSize()
                        + " is narrower than its default range " + w.defaultRange());
                return Optional.empty();
            }
        }
        return Optional.of(a);
    }

    private Optional<PoolKind.Window> window(Fields f, String ctx) {
        Optional<PortRange> def = f.scalar("default", true).flatMap(s -> range(s, ctx + " default"));
        Optional<PortRange> bounds = f.scalar("bounds", true).flatMap(s -> range(s, ctx + " bounds"));
        if (def.isEmpty() || bounds.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PoolKind.Window(def.get(), bounds.get()));
        } catch (IllegalArgumentException ex) {
            diags.error(Code.DEFAULT_OUTSIDE_BOUNDS, f.node().location(), ctx + ": " + ex.getMessage());
            return Optional.empty();
        }
    }

    private void readFlow(MapNode.Entry e) {
        if (!define("flow", e)) {
            return;
        }
        String ctx = "flow '" + e.name() + "'";
        Optional<Fields> of = Fields.of(e.value(), diags, ctx, FLOW_KEYS);
        if (of.isEmpty()) {
            return;
        }
        Fields f = of.get();
        Optional<ScalarNode> fromNode = f.scalar("from", true);
        Optional<ScalarNode> toNode = f.scalar("to", true);
        Optional<String> from = fromNode.flatMap(s -> Fields.name(s, diags, ctx + " 'from'"));
        Optional<String> to = toNode.flatMap(s -> Fields.name(s, diags, ctx + " 'to'"));
        List<PortSpec> ports = portSpecs(f, "ports", true, ctx);
        List<PortSpec> fromPorts = portSpecs(f, "from-ports", false, ctx);
        Requirement requirement = Requirement.MANDATORY;
        Optional<ScalarNode> req = f.scalar("requirement", false);
        if (req.isPresent()) {
            Optional<Requirement> r = Requirement.byId(req.get().text());
            if (r.isEmpty()) {
                diags.error(Code.INVALID_CHOICE, req.get().location(),
                        ctx + " requirement must be one of mandatory, conditional, recommended,"
                        + " optional; found '" + req.get().text() + "'"
                        + Suggestions.hint(req.get().text(), List.of("mandatory", "conditional", "recommended", "optional")));
            } else {
                requirement = r.get();
            }
        }
        Optional<ScalarNode> when = f.scalar("when", false);
        Location whenAt = when.map(ScalarNode::location).orElse(null);
        if (requirement == Requirement.CONDITIONAL && when.isEmpty()) {
            diags.error(Code.CONDITION_MISMATCH, f.node().location(),
                    ctx + " is conditional, so it needs 'when: <feature>'");
        }
        if (requirement != Requirement.CONDITIONAL && when.isPresent()) {
            diags.error(Code.CONDITION_MISMATCH, when.get().location(),
                    ctx + " has 'when' but its requirement is " + requirement.id()
                    + "; use 'requirement: conditional'");
        }
        boolean neverFromOutside = false;
        Optional<ScalarNode> fo = f.scalar("from-outside", false);
        if (fo.isPresent()) {
            if (fo.get().text().equals("never")) {
                neverFromOutside = true;
            } else {
                diags.error(Code.INVALID_CHOICE, fo.get().location(),
                        ctx + " from-outside can only be 'never', found '" + fo.get().text() + "'");
            }
        }
        Undeclared undeclared = f.scalar("when-undeclared", false).flatMap(s -> undeclared(s, ctx)).orElse(null);
        ZoneScope fromZone = f.scalar("from-zone", false).flatMap(s -> zoneScope(s, ctx + " from-zone")).orElse(ZoneScope.ANY);
        ZoneScope toZone = f.scalar("to-zone", false).flatMap(s -> zoneScope(s, ctx + " to-zone")).orElse(ZoneScope.ANY);
        Optional<String> purpose = f.string("purpose", true);
        Optional<Citation> source = f.required("source").flatMap(this::citation);
        if (from.isPresent() && to.isPresent() && purpose.isPresent() && source.isPresent() && !ports.isEmpty()) {
            flows.put(e.name(), new Flow(e.name(), from.get(), to.get(), ports, fromPorts, requirement,
                    when.map(ScalarNode::text).orElse(null), neverFromOutside, undeclared, fromZone, toZone,
                    purpose.get(), source.get(),
                    whenAt != null ? whenAt : e.key().location(), fromNode.get().location(), toNode.get().location()));
        }
    }

    private Optional<Undeclared> undeclared(ScalarNode s, String ctx) {
        Optional<Undeclared> u = Undeclared.byId(s.text());
        if (u.isEmpty()) {
            diags.error(Code.INVALID_CHOICE, s.location(),
                    ctx + ": when-undeclared must be internet, anyone or nobody, found '" + s.text() + "'"
                    + Suggestions.hint(s.text(), List.of("internet", "anyone", "nobody")));
        }
        return u;
    }

    private Optional<ZoneScope> zoneScope(ScalarNode s, String ctx) {
        Optional<ZoneScope> z = ZoneScope.byId(s.text());
        if (z.isEmpty() || z.get() == ZoneScope.ANY) {
            diags.error(Code.INVALID_CHOICE, s.location(), ctx + " must be inside or outside, found '" + s.text() + "'"
                    + Suggestions.hint(s.text(), List.of("inside", "outside")));
            return Optional.empty();
        }
        return z;
    }

    private List<PortSpec> portSpecs(Fields f, String key, boolean required, String ctx) {
        List<PortSpec> out = new ArrayList<>();
        f.listOrScalar(key, required).ifPresent(items -> Fields.scalars(items, diags, ctx + " " + key)
                .forEach(s -> portSpec(s, ctx + " " + key).ifPresent(out::add)));
        if (required && out.isEmpty() && f.get(key).isPresent()) {
            diags.error(Code.EMPTY_LIST, f.get(key).get().location(), ctx + " " + key + " is empty");
        }
        return out;
    }

    /** "tcp 3336, 3338", "tcp/udp 5060", "udp rtp", "udp any". */
    Optional<PortSpec> portSpec(ScalarNode s, String ctx) {
        String text = s.text().trim();
        int space = text.indexOf(' ');
        if (space < 0) {
            diags.error(Code.INVALID_PORT_SPEC, s.location(),
                    ctx + ": '" + text + "' must be '<protocol> <ports>',"
                    + " e.g. 'udp 5060', 'tcp 1024-1324', 'udp rtp' or 'tcp any'");
            return Optional.empty();
        }
        Optional<Set<Protocol>> protocols = protocols(new ScalarNode(s.location(), text.substring(0, space), false), ctx);
        String rest = text.substring(space + 1).trim();
        if (protocols.isEmpty()) {
            return Optional.empty();
        }
        if (rest.equals("any")) {
            return Optional.of(new PortSpec(protocols.get(), new PortSpec.Any(), text, s.location()));
        }
        if (Character.isLetter(rest.charAt(0))) {
            if (!Fields.NAME.matcher(rest).matches()) {
                diags.error(Code.INVALID_PORT_SPEC, s.location(), ctx + ": '" + rest + "' is neither ports nor a pool name");
                return Optional.empty();
            }
            return Optional.of(new PortSpec(protocols.get(), new PortSpec.PoolRef(rest), text, s.location()));
        }
        List<PortRange> ranges = new ArrayList<>();
        for (String part : rest.split(",")) {
            range(new ScalarNode(s.location(), part.trim(), false), ctx).ifPresent(ranges::add);
        }
        if (ranges.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortSpec(protocols.get(), new PortSpec.Ports(ranges), text, s.location()));
    }

    private Optional<Set<Protocol>> protocols(ScalarNode s, String ctx) {
        Set<Protocol> out = EnumSet.noneOf(Protocol.class);
        for (String p : s.text().split("/")) {
            Optional<Protocol> proto = Protocol.byId(p.trim());
            if (proto.isEmpty()) {
                diags.error(Code.INVALID_CHOICE, s.location(),
                        ctx + ": unknown protocol '" + p + "' (use tcp, udp or tcp/udp)");
                return Optional.empty();
            }
            out.add(proto.get());
        }
        return Optional.of(out);
    }

    private Optional<PortRange> range(ScalarNode s, String ctx) {
        try {
            return Optional.of(PortRange.parse(s.text()));
        } catch (IllegalArgumentException ex) {
            diags.error(Code.INVALID_PORTS, s.location(), ctx + ": " + ex.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Citation> citation(Node n) {
        Optional<Fields> of = Fields.of(n, diags, "source", CITATION_KEYS);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<ScalarNode> doc = f.scalar("document", true);
        Optional<String> section = f.string("section", true);
        if (doc.isEmpty() || section.isEmpty()) {
            return Optional.empty();
        }
        Citation c = new Citation(doc.get().text(), section.get(), f.string("page", false).orElse(null),
                f.string("note", false).orElse(null));
        citations.add(new Located<>(c, doc.get().location()));
        return Optional.of(c);
    }

    private void crossCheck(Catalog catalog) {
        for (Located<Citation> c : citations) {
            if (!documents.containsKey(c.value().document()) && !unsure("document", c.value().document())) {
                diags.error(Code.UNKNOWN_DOCUMENT, c.at(), "unknown document '" + c.value().document() + "'"
                        + Suggestions.hint(c.value().document(), documents.keySet()));
            }
        }
        for (DeviceModel m : models.values()) {
            for (String r : m.roles()) {
                if (models.containsKey(r) && !r.equals(m.id())) {
                    diags.error(Code.MODEL_ID_AS_ROLE, m.location(),
                            "model '" + m.id() + "' plays role '" + r + "', which is another model's id");
                }
            }
        }
        Map<String, String> groupProtocols = new TreeMap<>();
        for (DeviceModel m : models.values()) {
            for (Pool p : m.pools()) {
                if (p.kind() instanceof PoolKind.PerAddress pa) {
                    String sig = p.protocolList() + " " + pa.ports();
                    String prev = groupProtocols.putIfAbsent(pa.group(), sig);
                    if (prev != null && !prev.equals(sig)) {
                        diags.error(Code.ONCE_PER_ADDRESS_MISMATCH, p.location(),
                                "once-per-address group '" + pa.group() + "' is " + prev
                                + " elsewhere but " + sig + " here; a group must be the same port everywhere");
                    }
                }
            }
        }
        checkConditions();
        checkTemplates(catalog);
        for (Flow flow : flows.values()) {
            String ctx = "flow '" + flow.id() + "'";
            checkRole(catalog, flow.from(), ctx + " 'from'", flow.fromLocation());
            checkRole(catalog, flow.to(), ctx + " 'to'", flow.toLocation());
            checkPools(catalog, flow.to(), flow.ports(), ctx + " ports");
            checkPools(catalog, flow.from(), flow.fromPorts(), ctx + " from-ports");
            if (catalog.isManagement(flow.from()) && catalog.whenUndeclared(flow, flow.from()).opens()) {
                diags.error(Code.MANAGEMENT_FLOW_OPENED, flow.location(), ctx + " comes from management role '" + flow.from()
                        + "', which is never opened to anyone: administration needs a declared peer");
            }
            if (flow.when() != null && !features.containsKey(flow.when()) && !unsure("feature", flow.when())) {
                diags.error(Code.UNKNOWN_CONDITION, flow.location(),
                        ctx + " depends on unknown feature '" + flow.when() + "'"
                        + Suggestions.hint(flow.when(), features.keySet()));
            }
        }
    }

    /** Each 'when' names a feature, or a flow the model takes part in. */
    private void checkConditions() {
        for (Condition c : conditions) {
            for (ScalarNode n : c.names()) {
                Flow flow = flows.get(n.text());
                if (flow != null) {
                    if (!c.roles().contains(flow.from()) && !c.roles().contains(flow.to())) {
                        diags.error(Code.UNRELATED_CONDITION, n.location(),
                                c.ctx() + ": 'when' names flow '" + n.text() + "' (" + flow.from() + " -> "
                                + flow.to() + "), which model '" + c.model() + "' takes no part in (its roles: "
                                + String.join(", ", c.roles()) + ")");
                    }
                } else if (!features.containsKey(n.text())) {
                    Set<String> known = new java.util.TreeSet<>(features.keySet());
                    known.addAll(flows.keySet());
                    diags.error(Code.UNKNOWN_CONDITION, n.location(),
                            c.ctx() + ": 'when' names '" + n.text() + "', which is neither a feature nor a flow"
                            + Suggestions.hint(n.text(), known));
                }
            }
        }
    }

    /** Every placeholder of a setting's value is one the setting can fill. */
    private void checkTemplates(Catalog catalog) {
        for (Template t : templates) {
            for (String p : Setting.placeholders(t.value().text())) {
                String at = t.ctx() + ": placeholder {" + p + "}";
                if (Setting.POOL_PLACEHOLDERS.contains(p)) {
                    if (!t.pool()) {
                        diags.error(Code.INVALID_PLACEHOLDER, t.value().location(),
                                at + " is a pool's port, and a model setting has no pool;"
                                + " use {" + Setting.ROLE_PREFIX + "ROLE:POOL} for another party's ports");
                    }
                } else if (p.startsWith(Setting.ROLE_PREFIX)) {
                    String[] parts = p.substring(Setting.ROLE_PREFIX.length()).split(":");
                    if (!catalog.isRole(parts[0])) {
                        diags.error(Code.UNKNOWN_CATALOG_ROLE, t.value().location(),
                                at + " names unknown role '" + parts[0] + "'"
                                + Suggestions.hint(parts[0], catalog.allRoleNames()));
                    } else if (parts.length == 2) {
                        checkPool(catalog, parts[0], parts[1], at, t.value().location());
                    }
                } else if (!Setting.DEVICE_PLACEHOLDERS.contains(p)) {
                    List<String> known = new ArrayList<>(Setting.DEVICE_PLACEHOLDERS);
                    known.addAll(Setting.POOL_PLACEHOLDERS);
                    diags.error(Code.INVALID_PLACEHOLDER, t.value().location(),
                            at + " is unknown" + Suggestions.hint(p, known) + "; known: {"
                            + String.join("}, {", known) + "}, {" + Setting.ROLE_PREFIX + "ROLE} and {"
                            + Setting.ROLE_PREFIX + "ROLE:POOL}");
                }
            }
        }
    }

    /**
     * Every model playing {@code role} has {@code pool}; reports it at {@code at} otherwise,
     * unless an error of the model's own explains it (its pools could not all be read).
     */
    private void checkPool(Catalog catalog, String role, String pool, String ctx, Location at) {
        List<DeviceModel> playing = catalog.modelsPlaying(role);
        if (playing.isEmpty() && !unsure("role", role)) {
            diags.error(Code.ROLE_WITHOUT_MODEL, at,
                    ctx + ": role '" + role + "' is played by no model, so it has no pools");
        }
        for (DeviceModel m : playing) {
            Set<String> written = writtenPools.get(m.id());
            boolean explained = incomplete || written != null && (written.isEmpty() || written.contains(pool));
            if (m.pool(pool).isEmpty() && !explained) {
                diags.error(Code.UNKNOWN_CATALOG_POOL, at,
                        ctx + ": model '" + m.id() + "' (role '" + role + "') has no pool '" + pool + "'"
                        + Suggestions.hint(pool, m.pools().stream().map(Pool::name).toList()));
            }
        }
    }

    private void checkRole(Catalog catalog, String role, String ctx, Location at) {
        if (!catalog.isRole(role) && !unsure("role", role)) {
            diags.error(Code.UNKNOWN_CATALOG_ROLE, at,
                    ctx + " names unknown role '" + role + "'" + Suggestions.hint(role, catalog.allRoleNames()));
        }
    }

    private void checkPools(Catalog catalog, String role, List<PortSpec> specs, String ctx) {
        for (PortSpec s : specs) {
            if (!(s.target() instanceof PortSpec.PoolRef ref)) {
                continue;
            }
            checkPool(catalog, role, ref.pool(), ctx + " '" + s.text() + "'", s.location());
            for (DeviceModel m : catalog.modelsPlaying(role)) {
                Optional<Pool> pool = m.pool(ref.pool());
                if (pool.isPresent() && !pool.get().protocols().containsAll(s.protocols())) {
                    diags.error(Code.POOL_PROTOCOL_MISMATCH, s.location(),
                            ctx + " '" + s.text() + "': pool '" + ref.pool() + "' of model '" + m.id()
                            + "' is " + pool.get().protocolList() + " only");
                }
            }
        }
    }
}
