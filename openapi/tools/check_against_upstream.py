#!/usr/bin/env python3
"""Compares a curated OpenAPI 3.0.3 file of this repository with the official upstream one.

Usage (from the repository root):

    python3 openapi/tools/check_against_upstream.py                       # v2 and v1 pairs
    python3 openapi/tools/check_against_upstream.py CURATED.yaml UPSTREAM.json

Without arguments it checks openapi/v0-api-v2.yaml and openapi/v0-api-v1.yaml against
../shared/reference/upstream/v0-api-v{2,1}.openapi.json (both relative to the repository root).

For every curated operation (matched to upstream by path and method) it compares the upstream
operation id, the parameters, the JSON request body, the response statuses and their JSON
bodies, and the event schema of streaming responses. Schemas are compared recursively after
resolving $refs on both sides: types (integer formats against upstream bounds, number), string
formats and lengths, enum value sets, nullability (our `nullable: true` against upstream's
`anyOf [X, {type: null}]`), required lists, property names, array items and sizes, map values,
defaults, and unions (upstream oneOf/anyOf members matched to our discriminator mapping by their
one-value enum or const of the discriminator property, against our variant's `default`). The
standalone components listed in STANDALONE are compared with the upstream shapes they model. The
curated file is also checked for the conventions of openapi/README.md that the generator relies on
(named objects and enums, complete discriminator mappings, discriminator properties as
`type: string` with `default: <label>`), and every schema component must be reached by some
comparison.

Every difference is one line `<curated location>: <what> (upstream <location>)`. Deliberate
deviations are either listed in INTENDED (with the reason) or, for a changed type, recorded in the
curated file as `x-upstream-type: <upstream type>`; both are printed as `intended:` lines. Exit
status 1 if there is any other difference, else 0. Needs Python 3 and PyYAML.
"""

import json
import os
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed: apt-get install python3-yaml (or pip install pyyaml)")

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JS_SAFE_INTEGER = 9007199254740991  # zod's bounds for a plain integer: "fits a JS number"
INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1

# Differences judged deliberate: (curated location, code) -> reason. Keep this list tiny.
INTENDED = {
    ("#/components/schemas/AgentActionPart/properties/data", "untyped"):
        "upstream's anyOf of four shapes has no discriminator, so no generated union could decode"
        " it; it stays untyped ({}) and the four shapes are standalone components checked through"
        " STANDALONE (AskUserQuestionsData, ExitPlanModeData, IntegrationRequestData,"
        " VercelConnectData).",
    ("#/paths/~1chats~1{chatId}~1files~1download/get/responses/200/content", "media-type"):
        "upstream declares application/json, but the server answers the ZIP archive itself; declared"
        " application/zip as a binary string (x-download), so the body is streamed, never decoded.",
    ("#/components/schemas/FileValidationError", "type"):
        "upstream's 422 of chats.updateFiles is an anyOf without a discriminator (invalid file"
        " contents with issues, or any other message); one object with an optional issues list reads"
        " both.",
}

# Components that no operation references, compared with the upstream shape they model.
# Server URL of the curated file -> {component: upstream location}. A location segment
# `oneOf[prop=label]` picks the oneOf member whose `prop` is the literal `label`.
STANDALONE = {
    "https://api.v0.dev/v2": {
        "AskUserQuestionsData":
            "/components/schemas/Message/properties/parts/items/oneOf[type=agent-action]"
            "/properties/data/anyOf/0",
        "ExitPlanModeData":
            "/components/schemas/Message/properties/parts/items/oneOf[type=agent-action]"
            "/properties/data/anyOf/1",
        "IntegrationRequestData":
            "/components/schemas/Message/properties/parts/items/oneOf[type=agent-action]"
            "/properties/data/anyOf/2",
        "VercelConnectData":
            "/components/schemas/Message/properties/parts/items/oneOf[type=agent-action]"
            "/properties/data/anyOf/3",
        "FileIssue":
            "/paths/~1chats~1{chatId}~1files/patch/responses/422/content/application~1json/schema"
            "/anyOf/0/properties/issues/items",
    },
}

# Keys that carry no contract (ignored when deciding whether two upstream shapes are the same).
DOC_KEYS = ("description", "summary", "examples", "example", "$schema", "title")


def esc(segment):
    return str(segment).replace("~", "~0").replace("/", "~1")


def literal_of(schema):
    """The single value a schema allows (one-value enum or const), or None."""
    if not isinstance(schema, dict):
        return None
    if "const" in schema:
        return schema["const"]
    values = schema.get("enum")
    if isinstance(values, list) and len(values) == 1:
        return values[0]
    return None


def strip_docs(node):
    if isinstance(node, dict):
        return {k: strip_docs(v) for k, v in node.items() if k not in DOC_KEYS}
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


class Checker:
    def __init__(self, curated_path, upstream_path):
        with open(curated_path, encoding="utf-8") as f:
            self.ours = yaml.safe_load(f)
        with open(upstream_path, encoding="utf-8") as f:
            self.up = json.load(f)
        self.differences = []  # report lines
        self.intended = []  # (report line, reason)
        self.seen_lines = set()
        self.operations = 0
        self.nodes = 0
        self.memo = set()
        self.reached = set()
        self.in_request = False
        self.literal_enums = {}  # curated location -> [values, upstream literals seen, upstream location]

    # ----------------------------------------------------------------------------- reporting

    def diff(self, oloc, code, message, uloc=None):
        line = "%s: %s" % (oloc, message)
        if uloc:
            line += " (upstream %s)" % uloc
        if line in self.seen_lines:
            return
        self.seen_lines.add(line)
        reason = INTENDED.get((oloc, code))
        if reason is not None:
            self.intended.append((line, reason))
        else:
            self.differences.append(line)

    # ----------------------------------------------------------------------------- resolving

    def resolve_pointer(self, doc, pointer):
        node = doc
        for raw in pointer.lstrip("#").split("/")[1:]:
            segment = raw.replace("~1", "/").replace("~0", "~")
            if "[" in segment and segment.endswith("]"):
                key, selector = segment[:-1].split("[", 1)
                prop, label = selector.split("=", 1)
                members = node[key]
                matches = [m for m in members
                           if literal_of(self.up_deref(m).get("properties", {}).get(prop)) == label]
                if len(matches) != 1:
                    raise KeyError(segment)
                node = self.up_deref(matches[0])
                continue
            if isinstance(node, list):
                node = node[int(segment)]
            else:
                node = node[segment]
            if isinstance(node, dict) and "$ref" in node and doc is self.up:
                node = self.up_deref(node)
        return node

    def up_deref(self, node):
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            node = self.resolve_pointer(self.up, node["$ref"])
            seen += 1
            if seen > 50:
                raise ValueError("$ref loop")
        return node

    def ours_ref(self, node, kind):
        """Resolves a curated `$ref` to #/components/<kind>/Name: (node, name or None)."""
        if isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            prefix = "#/components/%s/" % kind
            if not ref.startswith(prefix):
                raise ValueError("unsupported $ref " + ref)
            name = ref[len(prefix):]
            return self.ours["components"][kind][name], name
        return node, None

    def flat_ours(self, node, loc):
        """Curated schema -> (merged schema, location, component name, nullable)."""
        nullable = False
        name = None
        extra = {}
        for _ in range(50):
            if not isinstance(node, dict):
                break
            if node.get("nullable") is True:
                nullable = True
            if "$ref" in node:
                node, name = self.ours_ref(node, "schemas")
                loc = "#/components/schemas/" + esc(name)
                self.reached.add(name)
                continue
            if "allOf" in node and len(node["allOf"]) == 1:
                # `{description, nullable, default, allOf: [$ref]}`: a reference with annotations.
                for key, value in node.items():
                    if key not in ("allOf", "nullable") and key not in DOC_KEYS:
                        extra.setdefault(key, value)
                node = node["allOf"][0]
                continue
            if "allOf" in node:
                merged = self.merge_all_of(node["allOf"], lambda n: self.flat_ours(n, loc)[0])
                for key, value in node.items():
                    if key != "allOf":
                        merged.setdefault(key, value)
                node = merged
            break
        node = dict(node) if isinstance(node, dict) else {}
        for key, value in extra.items():
            node.setdefault(key, value)
        node.pop("nullable", None)
        return node, loc, name, nullable

    def flat_up(self, node, loc):
        """Upstream schema -> (merged schema, location, nullable)."""
        nullable = False
        extra = {}
        for _ in range(50):
            if isinstance(node, dict) and "$ref" in node:
                loc = node["$ref"]
                node = self.up_deref(node)
                continue
            if not isinstance(node, dict):
                break
            if isinstance(node.get("type"), list):
                types = [t for t in node["type"] if t != "null"]
                nullable = nullable or len(types) < len(node["type"])
                node = dict(node)
                node["type"] = types[0] if len(types) == 1 else types
            for key in ("anyOf", "oneOf"):
                if key in node:
                    members = node[key]
                    rest = [m for m in members if not self.is_up_null(m)]
                    if len(rest) < len(members):
                        nullable = True
                    if len(rest) == 1:
                        for k, value in node.items():
                            if k != key and k not in DOC_KEYS:
                                extra.setdefault(k, value)
                        node = rest[0]
                        loc = "%s/%s/%d" % (loc, key, members.index(rest[0]))
                        break
                    node = dict(node)
                    node[key] = rest
                    node["x-member-index"] = [members.index(m) for m in rest]
            else:
                if "allOf" in node:
                    merged = self.merge_all_of(node["allOf"], lambda n: self.flat_up(n, loc)[0])
                    for key, value in node.items():
                        if key != "allOf":
                            merged.setdefault(key, value)
                    node = merged
                break
        node = dict(node) if isinstance(node, dict) else {}
        for key, value in extra.items():
            node.setdefault(key, value)
        if "const" in node:
            node["enum"] = [node.pop("const")]
        if "type" not in node and "enum" in node:
            kinds = {type(v) for v in node["enum"]}
            if kinds == {str}:
                node["type"] = "string"
        return node, loc, nullable

    def is_up_null(self, member):
        member = self.up_deref(member)
        return isinstance(member, dict) and (member.get("type") == "null" or member.get("enum") == [None])

    @staticmethod
    def merge_all_of(members, flatten):
        merged = {}
        for member in members:
            member = flatten(member)
            for key, value in member.items():
                if key == "properties":
                    merged.setdefault("properties", {}).update(value)
                elif key == "required":
                    merged["required"] = sorted(set(merged.get("required", [])) | set(value))
                else:
                    merged.setdefault(key, value)
        return merged

    @staticmethod
    def kind(schema):
        if not schema:
            return "any"
        if "oneOf" in schema or "anyOf" in schema:
            return "union"
        t = schema.get("type")
        if isinstance(t, list):
            return "/".join(t)
        if t:
            return t
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if "items" in schema or "prefixItems" in schema:
            return "array"
        if "enum" in schema:
            return "enum"
        return "any"

    # ----------------------------------------------------------------------------- comparing

    def compare(self, ours, up, site, usite):
        """Compares a curated schema (at location `site`) with an upstream one (at `usite`)."""
        o, oloc, oname, onull = self.flat_ours(ours, site)
        u, uloc, unull = self.flat_up(up, usite)
        # What belongs to the place of use (nullability, default, deprecation) is checked there...
        if onull != unull:
            self.diff(site, "nullable", "nullable is %s here, %s upstream"
                      % (str(onull).lower(), str(unull).lower()), uloc)
        self.compare_default(o, u, site, uloc)
        if o.get("deprecated", False) != u.get("deprecated", False):
            self.diff(site, "deprecated", "deprecated is %s here, %s upstream"
                      % (o.get("deprecated", False), u.get("deprecated", False)), uloc)
        # ...the shape once per (named component, upstream shape).
        if oname is not None:
            shape = {k: v for k, v in strip_docs(u).items() if k not in ("default", "deprecated")}
            key = (oname, json.dumps(shape, sort_keys=True, default=str))
            if key in self.memo:
                return
            self.memo.add(key)
        self.nodes += 1

        ok, uk = self.kind(o), self.kind(u)
        if "x-upstream-type" in o:
            # A deliberate type change, recorded in the curated file itself.
            if u.get("type") != o["x-upstream-type"]:
                self.diff(oloc, "type", "x-upstream-type says %s, upstream type is %s"
                          % (o["x-upstream-type"], uk), uloc)
            elif ok != uk:
                line = "%s: type %s here, %s upstream (upstream %s)" % (oloc, ok, uk, uloc)
                if line not in self.seen_lines:
                    self.seen_lines.add(line)
                    self.intended.append((line, "recorded as x-upstream-type in the curated file"))
            uk = ok
        if uk == "union" and self.is_tuple_union(u):
            # Arrays told apart by position (prefixItems): OpenAPI 3.0 can only say "array".
            if ok not in ("array", "any"):
                self.diff(oloc, "type", "type %s here, a union of tuples upstream" % ok, uloc)
            return
        if uk == "union":
            if ok == "union":
                self.compare_union(o, u, oloc, uloc)
            elif ok == "any":
                self.diff(oloc, "untyped", "untyped here, a union of %d shapes upstream"
                          % len(u.get("oneOf", u.get("anyOf", []))), uloc)
            else:
                self.diff(oloc, "type", "type %s here, a union upstream" % ok, uloc)
            return
        if ok == "union":
            self.diff(oloc, "type", "a union here, type %s upstream" % uk, uloc)
            return
        if ok != uk:
            code = "untyped" if ok == "any" else "type"
            self.diff(oloc, code, "type %s here, %s upstream" % (ok, uk), uloc)
            return

        self.compare_enum(o, u, oloc, uloc)
        if ok == "string":
            self.compare_string(o, u, oloc, uloc)
        elif ok == "integer":
            self.compare_integer(o, u, oloc, uloc)
        elif ok == "number":
            self.compare_bounds(o, u, oloc, uloc)
        elif ok == "array":
            self.compare_array(o, u, oloc, uloc)
        elif ok == "object":
            self.compare_object(o, u, oloc, uloc)

    def is_tuple_union(self, u):
        members = [self.flat_up(m, "")[0] for m in u.get("oneOf", u.get("anyOf", []))]
        return bool(members) and all(m.get("type") == "array" and "prefixItems" in m for m in members)

    def compare_enum(self, o, u, oloc, uloc):
        ovals, uvals = o.get("enum"), u.get("enum")
        if ovals is None and uvals is None:
            return
        if uvals is None:
            self.diff(oloc, "enum", "values restricted to %s here, free upstream" % ovals, uloc)
            return
        if len(uvals) == 1:
            if ovals is None:
                if o.get("default") != uvals[0]:
                    self.diff(oloc, "literal", "upstream allows only %r; expected default: %r here"
                              % (uvals[0], uvals[0]), uloc)
            elif uvals[0] not in ovals:
                self.diff(oloc, "enum", "upstream literal %r is not among %s" % (uvals[0], ovals), uloc)
            else:
                # One shared enum for several upstream literals (say, one per error status): every
                # value must be some upstream literal; checked once all operations are compared.
                entry = self.literal_enums.setdefault(oloc, [ovals, set(), uloc])
                entry[1].add(uvals[0])
            return
        if ovals is None:
            self.diff(oloc, "enum", "free value here, upstream enum %s" % uvals, uloc)
            return
        missing = [v for v in uvals if v not in ovals]
        extra = [v for v in ovals if v not in uvals]
        if missing:
            self.diff(oloc, "enum", "enum lacks %s" % missing, uloc)
        if extra:
            self.diff(oloc, "enum", "enum has %s, not upstream" % extra, uloc)

    def compare_default(self, o, u, oloc, uloc):
        has_o, has_u = "default" in o, "default" in u
        if has_o and has_u:
            if o["default"] != u["default"]:
                self.diff(oloc, "default", "default %r here, %r upstream" % (o["default"], u["default"]), uloc)
        elif has_o:
            if literal_of(u) != o["default"]:
                self.diff(oloc, "default", "default %r here, none upstream" % (o["default"],), uloc)
        elif has_u and self.in_request and u["default"] not in ([], {}):
            # What the server assumes when a request leaves the field out. (An empty list or map
            # only restates "absent"; in responses a default says nothing.)
            self.diff(oloc, "default", "no default here, %r upstream" % (u["default"],), uloc)

    def compare_string(self, o, u, oloc, uloc):
        if o.get("format") != u.get("format"):
            self.diff(oloc, "format", "format %s here, %s upstream" % (o.get("format"), u.get("format")), uloc)
        # Upstream's date-time patterns only restate the format (see openapi/README.md).
        if u.get("format") != "date-time" and o.get("pattern") != u.get("pattern"):
            self.diff(oloc, "pattern", "pattern %r here, %r upstream" % (o.get("pattern"), u.get("pattern")), uloc)
        for key in ("minLength", "maxLength"):
            if o.get(key) != u.get(key):
                self.diff(oloc, key, "%s %s here, %s upstream" % (key, o.get(key), u.get(key)), uloc)

    def compare_bounds(self, o, u, oloc, uloc):
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            uval = u.get(key)
            if isinstance(uval, (int, float)) and not isinstance(uval, bool) and abs(uval) >= JS_SAFE_INTEGER:
                uval = None  # only says "a JS number"; expressed by the format
            if o.get(key) != uval:
                self.diff(oloc, key, "%s %s here, %s upstream" % (key, o.get(key), uval), uloc)

    def compare_integer(self, o, u, oloc, uloc):
        low, high = u.get("minimum"), u.get("maximum")
        bounded32 = (low is not None and high is not None and low >= INT32_MIN and high <= INT32_MAX)
        wide = ((low is not None and low < INT32_MIN) or (high is not None and high > INT32_MAX))
        fmt = o.get("format")
        if wide and fmt != "int64":
            self.diff(oloc, "format", "format %s here; upstream bounds [%s, %s] need int64" % (fmt, low, high), uloc)
        elif bounded32 and fmt == "int64":
            self.diff(oloc, "format", "int64 here; upstream bounds [%s, %s] fit int32" % (low, high), uloc)
        self.compare_bounds(o, u, oloc, uloc)

    def compare_array(self, o, u, oloc, uloc):
        uitems = u.get("items")
        if uitems is None and "prefixItems" in u:
            uitems = {}  # a tuple: OpenAPI 3.0 cannot say more than "array"
        if uitems is None:
            uitems = {}
        self.compare(o.get("items", {}), uitems, oloc + "/items", uloc + "/items")
        for key in ("minItems", "maxItems", "uniqueItems"):
            if o.get(key) != u.get(key):
                self.diff(oloc, key, "%s %s here, %s upstream" % (key, o.get(key), u.get(key)), uloc)

    def compare_object(self, o, u, oloc, uloc):
        oprops, uprops = o.get("properties", {}), u.get("properties", {})
        for name in uprops:
            if name not in oprops:
                self.diff(oloc + "/properties/" + esc(name), "missing-property", "property missing",
                          uloc + "/properties/" + esc(name))
        for name in oprops:
            if name not in uprops:
                self.diff(oloc + "/properties/" + esc(name), "extra-property", "property not upstream", uloc)
        oreq, ureq = set(o.get("required", [])), set(u.get("required", []))
        if oreq != ureq:
            parts = []
            if ureq - oreq:
                parts.append("not required here: %s" % sorted(ureq - oreq))
            if oreq - ureq:
                parts.append("required only here: %s" % sorted(oreq - ureq))
            self.diff(oloc + "/required", "required", "; ".join(parts), uloc + "/required")
        for name in oprops:
            if name in uprops:
                self.compare(oprops[name], uprops[name], oloc + "/properties/" + esc(name),
                             uloc + "/properties/" + esc(name))
        oadd, uadd = o.get("additionalProperties"), u.get("additionalProperties")
        if isinstance(uadd, dict):
            if isinstance(oadd, dict):
                self.compare(oadd, uadd, oloc + "/additionalProperties", uloc + "/additionalProperties")
            else:
                self.diff(oloc, "map", "no additionalProperties schema here; upstream is a map", uloc)
        elif isinstance(oadd, dict):
            self.diff(oloc, "map", "a map here (additionalProperties), not upstream", uloc)

    def compare_union(self, o, u, oloc, uloc):
        key = "oneOf" if "oneOf" in u else "anyOf"
        members = u[key]
        indexes = u.get("x-member-index", list(range(len(members))))
        disc = o.get("discriminator") or {}
        prop = disc.get("propertyName")
        mapping = disc.get("mapping") or {}
        if not prop:
            self.diff(oloc, "discriminator", "union without discriminator.propertyName", uloc)
            return
        labelled = {}
        for index, member in zip(indexes, members):
            mloc = "%s/%s/%d" % (uloc, key, index)
            flat = self.flat_up(member, mloc)[0]
            label = literal_of(flat.get("properties", {}).get(prop))
            if label is None:
                sub = self.up_deref(flat.get("properties", {}).get(prop, {}))
                label = literal_of(sub)
            if label is None:
                self.diff(oloc, "union-label", "upstream member has no literal %s" % prop, mloc)
                continue
            labelled[label] = (member, mloc)
        for label in labelled:
            if label not in mapping:
                self.diff(oloc + "/discriminator/mapping", "union-member", "label %r missing" % label,
                          labelled[label][1])
        for label in mapping:
            if label not in labelled:
                self.diff(oloc + "/discriminator/mapping/" + esc(label), "union-member",
                          "label %r is not upstream" % label, uloc)
        for label, target in mapping.items():
            if label not in labelled:
                continue
            variant, vname = self.ours_ref({"$ref": target}, "schemas")
            vprop = self.flat_ours(variant.get("properties", {}).get(prop, {}), oloc)[0]
            if vprop.get("type") != "string" or "enum" in vprop:
                self.diff("#/components/schemas/%s/properties/%s" % (esc(vname), esc(prop)), "convention",
                          "a discriminator property must be type: string with default: <label>, no enum")
            if vprop.get("default") != label:
                self.diff("#/components/schemas/%s/properties/%s" % (esc(vname), esc(prop)), "literal",
                          "default %r, mapped as %r" % (vprop.get("default"), label))
            member, mloc = labelled[label]
            self.compare({"$ref": target}, member, oloc, mloc)

    # ----------------------------------------------------------------------------- operations

    def params_of(self, doc, path_item, op, ours):
        result = {}
        for raw in list(path_item.get("parameters", [])) + list(op.get("parameters", [])):
            if ours:
                param, _ = self.ours_ref(raw, "parameters")
            else:
                param = self.up_deref(raw)
            result[(param["name"], param["in"])] = param
        return result

    def check_operation(self, path, method, op, path_item):
        self.operations += 1
        oloc = "#/paths/%s/%s" % (esc(path), method)
        uitem = self.up.get("paths", {}).get(path)
        uop = (uitem or {}).get(method)
        if uop is None:
            self.diff(oloc, "operation", "operation not upstream")
            return
        uloc = oloc
        if op.get("x-upstream-operation-id") != uop.get("operationId"):
            self.diff(oloc, "operation-id", "x-upstream-operation-id %r, upstream operationId %r"
                      % (op.get("x-upstream-operation-id"), uop.get("operationId")), uloc)
        if op.get("deprecated", False) != uop.get("deprecated", False):
            self.diff(oloc, "deprecated", "deprecated differs", uloc)

        self.in_request = True
        oparams = self.params_of(self.ours, path_item, op, True)
        uparams = self.params_of(self.up, uitem, uop, False)
        for key in uparams:
            if key not in oparams:
                self.diff("%s/parameters/%s" % (oloc, esc(key[0])), "parameter", "%s parameter missing" % key[1], uloc)
        for key, param in oparams.items():
            ploc = "%s/parameters/%s" % (oloc, esc(key[0]))
            if key not in uparams:
                self.diff(ploc, "parameter", "%s parameter not upstream" % key[1], uloc)
                continue
            uparam = uparams[key]
            if bool(param.get("required")) != bool(uparam.get("required")):
                self.diff(ploc, "required", "required %s here, %s upstream"
                          % (bool(param.get("required")), bool(uparam.get("required"))), uloc)
            if param.get("deprecated", False) != uparam.get("deprecated", False):
                self.diff(ploc, "deprecated", "deprecated differs", uloc)
            self.compare(param.get("schema", {}), uparam.get("schema", {}), ploc + "/schema",
                         "%s/parameters/%s/schema" % (uloc, esc(key[0])))

        self.check_request_body(op, uop, oloc, uloc)
        self.in_request = False
        self.check_responses(op, uop, oloc, uloc)

    def check_request_body(self, op, uop, oloc, uloc):
        obody = op.get("requestBody")
        ubody = uop.get("requestBody")
        rloc = oloc + "/requestBody"
        if obody is None and ubody is None:
            return
        if obody is None or ubody is None:
            self.diff(rloc, "request-body", "request body %s here, %s upstream"
                      % ("present" if obody else "absent", "present" if ubody else "absent"), uloc)
            return
        obody, _ = self.ours_ref(obody, "requestBodies")
        ubody = self.up_deref(ubody)
        if bool(obody.get("required")) != bool(ubody.get("required")):
            self.diff(rloc, "required", "required %s here, %s upstream"
                      % (bool(obody.get("required")), bool(ubody.get("required"))), uloc + "/requestBody")
        ocontent, ucontent = obody.get("content", {}), ubody.get("content", {})
        if list(ocontent) != ["application/json"]:
            self.diff(rloc + "/content", "media-type", "media types %s; only application/json expected"
                      % list(ocontent))
        if "application/json" not in ucontent:
            self.diff(rloc + "/content", "media-type", "upstream has no application/json body", uloc)
            return
        if "application/json" in ocontent:
            self.compare(ocontent["application/json"].get("schema", {}),
                         ucontent["application/json"].get("schema", {}),
                         rloc + "/content/application~1json/schema",
                         uloc + "/requestBody/content/application~1json/schema")

    def check_responses(self, op, uop, oloc, uloc):
        oresp, uresp = op.get("responses", {}), uop.get("responses", {})
        ostatus = {str(k): v for k, v in oresp.items()}
        ustatus = {str(k): v for k, v in uresp.items()}
        for status in ustatus:
            if status not in ostatus:
                self.diff("%s/responses/%s" % (oloc, status), "status", "status missing", uloc)
        for status, response in ostatus.items():
            sloc = "%s/responses/%s" % (oloc, status)
            if status not in ustatus:
                self.diff(sloc, "status", "status not upstream", uloc)
                continue
            response, _ = self.ours_ref(response, "responses")
            uresponse = self.up_deref(ustatus[status])
            usloc = "%s/responses/%s" % (uloc, status)
            ocontent, ucontent = response.get("content", {}), uresponse.get("content", {})
            for media in ucontent:
                if media not in ocontent:
                    self.diff(sloc + "/content", "media-type", "%s missing" % media, usloc)
            for media in ocontent:
                if media not in ucontent:
                    self.diff(sloc + "/content", "media-type", "%s not upstream" % media, usloc)
                    continue
                mloc = "%s/content/%s/schema" % (sloc, esc(media))
                umloc = "%s/content/%s/schema" % (usloc, esc(media))
                oschema = ocontent[media].get("schema", {})
                uschema = ucontent[media].get("schema", {})
                if media == "text/event-stream":
                    self.check_stream(op, oschema, uschema, oloc, mloc, umloc)
                elif media == "application/json" or media.endswith("+json"):
                    self.compare(oschema, uschema, mloc, umloc)
        if op.get("x-streaming") and not any(
                "text/event-stream" in self.up_deref(r).get("content", {}) for r in uresp.values()):
            self.diff(oloc, "streaming", "x-streaming here; upstream declares no text/event-stream response", uloc)

    def check_stream(self, op, oschema, uschema, oloc, mloc, umloc):
        if oschema.get("type") != "string" or oschema.get("format") != "binary":
            self.diff(mloc, "streaming", "a stream must be declared {type: string, format: binary}")
        if op.get("x-streaming") is not True:
            self.diff(oloc, "streaming", "streaming response without x-streaming: true")
        event = op.get("x-stream-event")
        if not event:
            self.diff(oloc, "streaming", "streaming response without x-stream-event")
            return
        if event not in self.ours.get("components", {}).get("schemas", {}):
            self.diff(oloc + "/x-stream-event", "streaming", "no component named %s" % event)
            return
        self.compare({"$ref": "#/components/schemas/" + event}, uschema, oloc + "/x-stream-event", umloc)

    # ----------------------------------------------------------------------------- conventions

    def check_conventions(self):
        schemas = self.ours.get("components", {}).get("schemas", {})
        for name, schema in schemas.items():
            self.walk_conventions(schema, "#/components/schemas/" + esc(name), top=True)
        for path, item in self.ours.get("paths", {}).items():
            self.walk_conventions(item, "#/paths/" + esc(path), top=False, in_schema=False)
        schemes = self.ours.get("components", {}).get("securitySchemes", {})
        bearer = [n for n, s in schemes.items() if s.get("type") == "http" and s.get("scheme") == "bearer"]
        if not bearer or not any(n in req for req in self.ours.get("security", []) for n in bearer):
            self.diff("#/security", "security", "no global bearer security")

    def walk_conventions(self, node, loc, top, in_schema=True):
        if isinstance(node, list):
            for i, item in enumerate(node):
                self.walk_conventions(item, "%s/%d" % (loc, i), False, in_schema)
            return
        if not isinstance(node, dict):
            return
        if not in_schema:
            for key, value in node.items():
                if key == "schema":
                    self.walk_conventions(value, loc + "/schema", False, True)
                elif isinstance(value, (dict, list)) and not key.startswith("x-"):
                    self.walk_conventions(value, loc + "/" + esc(key), False, False)
            return
        if "const" in node or isinstance(node.get("type"), list):
            self.diff(loc, "convention", "OpenAPI 3.1 construct (const or type list)")
        if "properties" in node and not top:
            self.diff(loc, "convention", "inline object; make it a named component")
        if "enum" in node:
            if not top:
                self.diff(loc, "convention", "inline enum; make it a named component")
        if "oneOf" in node or "anyOf" in node:
            members = node.get("oneOf", node.get("anyOf"))
            disc = node.get("discriminator") or {}
            targets = [m.get("$ref") for m in members]
            if None in targets:
                self.diff(loc, "convention", "union member that is not a $ref")
            if not disc.get("propertyName") or not disc.get("mapping"):
                self.diff(loc, "convention", "union without discriminator.propertyName and mapping")
            elif set(disc["mapping"].values()) != set(t for t in targets if t):
                self.diff(loc, "convention", "discriminator.mapping does not list exactly the oneOf members")
        for key, value in node.items():
            if key in ("properties",):
                for prop, sub in value.items():
                    self.walk_conventions(sub, "%s/properties/%s" % (loc, esc(prop)), False)
            elif key in ("items", "additionalProperties", "not"):
                self.walk_conventions(value, "%s/%s" % (loc, key), False)
            elif key in ("allOf", "oneOf", "anyOf"):
                for i, sub in enumerate(value):
                    self.walk_conventions(sub, "%s/%s/%d" % (loc, key, i), False)

    # ----------------------------------------------------------------------------- driver

    def run(self):
        if self.ours.get("openapi") != "3.0.3":
            self.diff("#/openapi", "convention", "openapi is %r, 3.0.3 expected" % self.ours.get("openapi"))
        ours_servers = [s.get("url") for s in self.ours.get("servers", [])]
        up_servers = [s.get("url") for s in self.up.get("servers", [])]
        if up_servers and ours_servers != up_servers:
            self.diff("#/servers", "servers", "servers %s here, %s upstream" % (ours_servers, up_servers))
        self.check_conventions()
        for path, item in self.ours.get("paths", {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    self.check_operation(path, method, item[method], item)
        standalone = {}
        for url in ours_servers:
            standalone.update(STANDALONE.get(url, {}))
        for name, pointer in standalone.items():
            oloc = "#/components/schemas/" + esc(name)
            if name not in self.ours.get("components", {}).get("schemas", {}):
                self.diff(oloc, "standalone", "component missing")
                continue
            try:
                target = self.resolve_pointer(self.up, pointer)
            except (KeyError, IndexError, ValueError):
                self.diff(oloc, "standalone", "upstream location not found", pointer)
                continue
            self.compare({"$ref": "#/components/schemas/" + name}, target, oloc, pointer)
        for oloc, (values, seen, uloc) in self.literal_enums.items():
            extra = [v for v in values if v not in seen]
            if extra:
                self.diff(oloc, "enum", "enum has %s, never an upstream literal here" % extra, uloc)
        for name in self.ours.get("components", {}).get("schemas", {}):
            if name not in self.reached:
                self.diff("#/components/schemas/" + esc(name), "unchecked",
                          "component not compared with upstream (no operation or STANDALONE entry reaches it)")
        return self


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    upstream_dir = os.path.join(root, "..", "shared", "reference", "upstream")
    if len(argv) == 0:
        pairs = [(os.path.join(root, "openapi", "v0-api-%s.yaml" % v),
                  os.path.join(upstream_dir, "v0-api-%s.openapi.json" % v)) for v in ("v2", "v1")]
    elif len(argv) % 2 == 0:
        pairs = [(argv[i], argv[i + 1]) for i in range(0, len(argv), 2)]
    else:
        sys.stderr.write(__doc__)
        return 2
    failed = False
    for curated, upstream in pairs:
        if len(pairs) > 1:
            print("== %s vs %s" % (os.path.relpath(curated, root), os.path.relpath(upstream, root)))
        checker = Checker(curated, upstream).run()
        for line in checker.differences:
            print(line)
        for line, reason in checker.intended:
            print("intended: %s -- %s" % (line, reason))
        summary = "checked %d operations, %d schema nodes, %d differences" % (
            checker.operations, checker.nodes, len(checker.differences))
        if checker.intended:
            summary += " (%d intended, allowed)" % len(checker.intended)
        print(summary)
        failed = failed or bool(checker.differences)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
