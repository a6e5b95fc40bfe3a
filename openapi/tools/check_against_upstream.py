#!/usr/bin/env python3
"""Compares the curated specs in openapi/ with the official ones, operation by operation.

For every operation of a curated file it finds the upstream operation with the same path and
method and compares, recursively through $refs on both sides: parameters (name, location,
required-ness, type), request bodies and JSON responses (property names, types, formats that
matter, required lists, enum value sets, nullability, array items and limits, union labels and
each member), streaming responses, and the documented error statuses. It also compares the
named agent-action payload shapes with the upstream inline ones.

    python3 openapi/tools/check_against_upstream.py            # both APIs
    python3 openapi/tools/check_against_upstream.py CURATED.yaml UPSTREAM.json

Exits 1 and prints one line per difference, else prints what it checked. Needs PyYAML.
"""
import json
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UPSTREAM = os.path.join(ROOT, '..', 'shared', 'reference', 'upstream')

# Deliberate deviations: (file suffix, location) -> reason.
INTENDED = {
    ('v1', 'GET /chats/{chatId}/messages param limit'):
        'upstream says number; a page size is an integer (a Double would be sent as "20.0")',
}

# Named shapes whose upstream is inline: curated component -> upstream JSON path.
V2_SHAPES = {
    'AskUserQuestionsData': ['components', 'schemas', 'Message', 'properties', 'parts', 'items', 'oneOf', 7,
                             'properties', 'data', 'anyOf', 0],
    'ExitPlanModeData': ['components', 'schemas', 'Message', 'properties', 'parts', 'items', 'oneOf', 7,
                         'properties', 'data', 'anyOf', 1],
    'IntegrationRequestData': ['components', 'schemas', 'Message', 'properties', 'parts', 'items', 'oneOf', 7,
                               'properties', 'data', 'anyOf', 2],
    'VercelConnectData': ['components', 'schemas', 'Message', 'properties', 'parts', 'items', 'oneOf', 7,
                          'properties', 'data', 'anyOf', 3],
}
LABEL_KEYS = ('type', 'object', 'status')


class Checker:
    def __init__(self, curated, upstream, tag):
        self.c = curated
        self.u = upstream
        self.tag = tag
        self.diffs = []
        self.nodes = 0
        self.ops = 0

    def diff(self, loc, text):
        if (self.tag, loc) in INTENDED:
            return
        self.diffs.append('%s: %s: %s' % (self.tag, loc, text))

    @staticmethod
    def resolve(doc, node):
        while isinstance(node, dict) and '$ref' in node:
            target = doc
            for part in node['$ref'].lstrip('#/').split('/'):
                target = target[part]
            extra = {k: v for k, v in node.items() if k != '$ref'}
            node = dict(target, **extra) if extra else target
        return node

    def norm_u(self, node):
        """Upstream node -> (schema, nullable), unwrapping anyOf [X, null] and type lists."""
        node = self.resolve(self.u, node)
        nullable = False
        if isinstance(node, dict) and 'anyOf' in node:
            alts = [a for a in node['anyOf'] if not (isinstance(a, dict) and a.get('type') == 'null')]
            if len(alts) < len(node['anyOf']):
                nullable = True
            if len(alts) == 1:
                inner, n2 = self.norm_u(alts[0])
                return inner, nullable or n2
            node = dict(node, anyOf=alts)
        if isinstance(node, dict) and isinstance(node.get('type'), list):
            types = [t for t in node['type'] if t != 'null']
            nullable = nullable or 'null' in node['type']
            node = dict(node, type=types[0] if len(types) == 1 else None)
        return node, nullable

    def norm_c(self, node):
        node = self.resolve(self.c, node)
        nullable = bool(node.get('nullable')) if isinstance(node, dict) else False
        if isinstance(node, dict) and 'allOf' in node and len(node['allOf']) == 1:
            inner, n2 = self.norm_c(node['allOf'][0])
            return inner, nullable or n2
        return node, nullable

    @staticmethod
    def const_of(node):
        if not isinstance(node, dict):
            return None
        if 'const' in node:
            return node['const']
        if isinstance(node.get('enum'), list) and len(node['enum']) == 1:
            return node['enum'][0]
        return None

    @staticmethod
    def members(node):
        for key in ('oneOf', 'anyOf'):
            if isinstance(node, dict) and key in node:
                return node[key]
        return None

    def label(self, member, key, doc):
        member = self.resolve(doc, member)
        prop = (member.get('properties') or {}).get(key)
        if prop is None:
            return None
        prop = self.resolve(doc, prop)
        if doc is self.u:
            return self.const_of(prop)
        return prop.get('default', self.const_of(prop))

    def compare(self, u, c, loc, depth=0):
        self.nodes += 1
        if depth > 40:
            return
        u, un = self.norm_u(u)
        c, cn = self.norm_c(c)
        if un != cn:
            self.diff(loc, 'nullable upstream=%s curated=%s' % (un, cn))
        umembers = self.members(u)
        if umembers is not None:
            key = next((k for k in LABEL_KEYS
                        if all(self.label(m, k, self.u) is not None for m in umembers)), None)
            if key is None:  # An untyped union: the curated side keeps it as any JSON.
                if isinstance(c, dict) and (c.get('type') or c.get('properties')) and self.members(c) is None:
                    self.diff(loc, 'upstream union without labels should be untyped ({})')
                return
            cmembers = self.members(c)
            if cmembers is None:
                self.diff(loc, 'upstream union by %r is not a union here' % key)
                return
            disc = (c.get('discriminator') or {}).get('propertyName')
            if disc != key:
                self.diff(loc, 'discriminator %r, upstream labels are %r' % (disc, key))
            ul = {self.label(m, key, self.u): m for m in umembers}
            cl = {self.label(m, key, self.c): m for m in cmembers}
            mapping = (c.get('discriminator') or {}).get('mapping') or {}
            if set(ul) != set(cl):
                self.diff(loc, 'union labels upstream=%s curated=%s' % (sorted(ul), sorted(cl)))
            if set(mapping) != set(cl):
                self.diff(loc, 'discriminator mapping %s != member labels %s' % (sorted(mapping), sorted(cl)))
            for lab in sorted(set(ul) & set(cl)):
                self.compare(ul[lab], cl[lab], '%s<%s>' % (loc, lab), depth + 1)
            return
        uconst = self.const_of(u)
        if uconst is not None and u.get('type') != 'boolean':
            if c.get('default') != uconst and self.const_of(c) != uconst:
                self.diff(loc, 'constant %r: curated default is %r' % (uconst, c.get('default')))
            return
        ut = u.get('type') if isinstance(u, dict) else None
        if 'properties' in (u or {}):
            ut = 'object'
        ct = c.get('type') if isinstance(c, dict) else None
        if 'properties' in (c or {}):
            ct = 'object'
        if ut is None and not (u or {}).get('properties'):
            if ct is not None:
                self.diff(loc, 'upstream is any JSON, curated is %s' % ct)
            return
        if ut != ct:
            self.diff(loc, 'type upstream=%s curated=%s' % (ut, ct))
            return
        if ut == 'string':
            if 'enum' in u and len(u['enum']) > 1:
                if set(u['enum']) != set(c.get('enum') or []):
                    self.diff(loc, 'enum upstream=%s curated=%s' % (u['enum'], c.get('enum')))
            elif c.get('enum'):
                self.diff(loc, 'curated enum %s where upstream has none' % c['enum'])
            if u.get('format') in ('date-time', 'binary') and u.get('format') != c.get('format'):
                self.diff(loc, 'format upstream=%s curated=%s' % (u.get('format'), c.get('format')))
            for k in ('minLength', 'maxLength'):
                if u.get(k) != c.get(k) and loc.startswith('request'):
                    self.diff(loc, '%s upstream=%s curated=%s' % (k, u.get(k), c.get(k)))
        elif ut == 'array':
            if u.get('maxItems') != c.get('maxItems'):
                self.diff(loc, 'maxItems upstream=%s curated=%s' % (u.get('maxItems'), c.get('maxItems')))
            self.compare(u.get('items', {}), c.get('items', {}), loc + '[]', depth + 1)
        elif ut == 'object':
            up = u.get('properties') or {}
            cp = c.get('properties') or {}
            if set(up) != set(cp):
                self.diff(loc, 'properties missing=%s extra=%s'
                          % (sorted(set(up) - set(cp)), sorted(set(cp) - set(up))))
            if set(u.get('required') or []) != set(c.get('required') or []):
                self.diff(loc, 'required upstream=%s curated=%s'
                          % (sorted(u.get('required') or []), sorted(c.get('required') or [])))
            for name in sorted(set(up) & set(cp)):
                self.compare(up[name], cp[name], loc + '.' + name, depth + 1)
            ua = u.get('additionalProperties')
            if isinstance(ua, dict) and not up:
                self.compare(ua, c.get('additionalProperties') or {}, loc + '{}', depth + 1)

    def check(self):
        for path, ops in self.c['paths'].items():
            for method, cop in ops.items():
                loc = '%s %s' % (method.upper(), path)
                uop = (self.u['paths'].get(path) or {}).get(method)
                if uop is None:
                    self.diff(loc, 'not in the upstream file')
                    continue
                self.ops += 1
                if cop.get('x-upstream-operation-id') != uop.get('operationId'):
                    self.diff(loc, 'x-upstream-operation-id %r, upstream %r'
                              % (cop.get('x-upstream-operation-id'), uop.get('operationId')))
                self.check_params(loc, uop, cop)
                self.check_body(loc, uop, cop)
                self.check_responses(loc, uop, cop)
        if self.tag == 'v2':
            for name, where in V2_SHAPES.items():
                node = self.u
                for part in where:
                    node = node[part]
                self.compare(node, {'$ref': '#/components/schemas/' + name}, 'shape ' + name)

    def check_params(self, loc, uop, cop):
        up = {(p['name'], p['in']): p for p in uop.get('parameters') or []}
        cp = {(p['name'], p['in']): p for p in cop.get('parameters') or []}
        if set(up) != set(cp):
            self.diff(loc, 'parameters upstream=%s curated=%s' % (sorted(up), sorted(cp)))
        for key in sorted(set(up) & set(cp)):
            where = '%s param %s' % (loc, key[0])
            if bool(up[key].get('required')) != bool(cp[key].get('required')):
                self.diff(where, 'required upstream=%s curated=%s'
                          % (up[key].get('required'), cp[key].get('required')))
            self.compare(up[key].get('schema', {}), cp[key].get('schema', {}), where)

    def check_body(self, loc, uop, cop):
        ub = (uop.get('requestBody') or {}).get('content') or {}
        cb = (cop.get('requestBody') or {}).get('content') or {}
        if bool(ub) != bool(cb):
            self.diff(loc, 'request body upstream=%s curated=%s' % (bool(ub), bool(cb)))
        if ub and cb:
            uschema = (ub.get('application/json') or next(iter(ub.values())))['schema']
            self.compare(uschema, cb['application/json']['schema'], 'request ' + loc)

    def check_responses(self, loc, uop, cop):
        ur = uop.get('responses') or {}
        cr = cop.get('responses') or {}
        if set(ur) != set(cr):
            self.diff(loc, 'statuses upstream=%s curated=%s' % (sorted(ur), sorted(cr)))
        for code in sorted(set(ur) & set(cr)):
            if not code.startswith('2'):
                continue
            uc = ur[code].get('content') or {}
            cc = self.resolve(self.c, cr[code]).get('content') or {}
            if set(uc) != set(cc):
                self.diff(loc, '%s content types upstream=%s curated=%s' % (code, sorted(uc), sorted(cc)))
            if 'text/event-stream' in uc and not cop.get('x-streaming'):
                self.diff(loc, 'streams but has no x-streaming')
            if 'application/json' in uc and 'application/json' in cc:
                self.compare(uc['application/json']['schema'], cc['application/json']['schema'],
                             'response %s %s' % (code, loc))


def run(curated_path, upstream_path, tag):
    with open(curated_path, encoding='utf-8') as f:
        curated = yaml.safe_load(f)
    with open(upstream_path, encoding='utf-8') as f:
        upstream = json.load(f)
    checker = Checker(curated, upstream, tag)
    checker.check()
    return checker


def main(argv):
    if len(argv) == 3:
        pairs = [(argv[1], argv[2], 'v2' if 'v2' in argv[1] else 'v1')]
    else:
        pairs = [(os.path.join(ROOT, 'openapi', 'v0-api-%s.yaml' % v),
                  os.path.join(UPSTREAM, 'v0-api-%s.openapi.json' % v), v) for v in ('v2', 'v1')]
    failed = False
    for curated, upstream, tag in pairs:
        checker = run(curated, upstream, tag)
        for line in checker.diffs:
            print(line)
        failed = failed or bool(checker.diffs)
        print('%s: checked %d operations, %d schema nodes, %d differences (%d intended deviations allowed)'
              % (tag, checker.ops, checker.nodes, len(checker.diffs),
                 sum(1 for key in INTENDED if key[0] == tag)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
