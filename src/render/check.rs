//! Checks the web team's templates against the variables their pages are given: a misspelt name
//! in `{% if item.atachments %}` is silently false in Tera, and the section is gone from every page.
//!
//! The variables are learnt from the pages themselves: the first [`SAMPLES`] pages of each template
//! (their whole context, as JSON) are merged into a [`Shape`]. Then each of the team's templates is
//! walked, with the names its `for`, `set` and macros bring in, and every name it reads is looked up
//! in the shape of the pages that use it. What the samples cannot tell (an empty list's items, a
//! `null`) is not judged, so a warning is always about a name no page had.

use crate::diag::Diagnostic;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tera::ast::{Expr, ExprVal, Node};

/// Pages of each template whose variables are learnt: enough to see the optional fields, few
/// enough to cost nothing next to rendering them.
pub const SAMPLES: usize = 64;

/// What a variable was seen to hold, merged over every sample.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Shape {
    /// Not known: `null`, an empty list's items, or different kinds in different samples.
    #[default]
    Unknown,
    Scalar,
    List(Box<Shape>),
    Object(BTreeMap<String, Shape>),
}

impl Shape {
    pub fn of(value: &Value) -> Shape {
        match value {
            Value::Null => Shape::Unknown,
            Value::Bool(_) | Value::Number(_) | Value::String(_) => Shape::Scalar,
            Value::Array(items) => {
                Shape::List(Box::new(items.iter().fold(Shape::Unknown, |s, v| s.merge(Shape::of(v)))))
            }
            Value::Object(map) => Shape::Object(map.iter().map(|(k, v)| (k.clone(), Shape::of(v))).collect()),
        }
    }

    /// Both shapes in one: the fields of either, and unknown where they disagree.
    pub fn merge(self, other: Shape) -> Shape {
        match (self, other) {
            (Shape::Unknown, s) | (s, Shape::Unknown) => s,
            (Shape::Scalar, Shape::Scalar) => Shape::Scalar,
            (Shape::List(a), Shape::List(b)) => Shape::List(Box::new(a.merge(*b))),
            (Shape::Object(mut a), Shape::Object(b)) => {
                for (k, v) in b {
                    let merged = a.remove(&k).unwrap_or_default().merge(v);
                    a.insert(k, merged);
                }
                Shape::Object(a)
            }
            _ => Shape::Unknown,
        }
    }

    fn fields(&self) -> Option<&BTreeMap<String, Shape>> {
        match self {
            Shape::Object(map) => Some(map),
            _ => None,
        }
    }
}

/// Warnings for the names `ast` (the team's template at `path`) reads that `page` (the merged
/// variables of the pages that use it) does not have. A template that no page renders itself (a
/// partial for `{% include %}`) sees its includer's loop variables too, so only the names it reads
/// from the pages' variables are judged there: `page_template` is false.
pub fn unknown_names(path: &Path, source: &str, ast: &[Node], page: &Shape, page_template: bool) -> Vec<Diagnostic> {
    let mut walk = Walk { scopes: vec![HashMap::new()], page, page_template, guarded: Vec::new(), found: Vec::new() };
    walk.nodes(ast);
    let mut seen = Vec::new();
    walk.found
        .into_iter()
        .filter(|(name, _)| {
            let new = !seen.contains(name);
            seen.push(name.clone());
            new
        })
        .map(|(name, hint)| {
            let (line, column) = place_of(source, &name);
            Diagnostic::warning(path, line, message(&name, &hint)).at_column(column)
        })
        .collect()
}

fn message(name: &str, hint: &str) -> String {
    if let Some(key) = name.strip_prefix("extra.") {
        return format!(
            "`{name}` is not set: config.toml's [extra] has no `{key}`{hint}, so a condition on it is always false \
             (set it, or ask `{{% if {name} is defined %}}`)"
        );
    }
    format!(
        "`{name}` is not a variable of the pages this template renders{hint}: a condition on it is always false, \
         so what it guards never shows (see docs/templates.md for each page's variables)"
    )
}

/// The line and column of the first place `name` is written in `source`, or (0, 0).
fn place_of(source: &str, name: &str) -> (usize, usize) {
    let Some(at) = source.find(name) else { return (0, 0) };
    let line_start = source[..at].rfind('\n').map_or(0, |n| n + 1);
    (source[..at].matches('\n').count() + 1, source[line_start..at].chars().count() + 1)
}

struct Walk<'a> {
    /// Names brought in by `for`, `set` and macro arguments, innermost last.
    scopes: Vec<HashMap<String, Shape>>,
    page: &'a Shape,
    page_template: bool,
    /// Names a condition has asked `is defined` of, where it holds ("x is defined and x.y").
    guarded: Vec<String>,
    /// (the name as far as it is wrong, a hint) for each name read that the pages lack.
    found: Vec<(String, String)>,
}

impl Walk<'_> {
    fn nodes(&mut self, nodes: &[Node]) {
        nodes.iter().for_each(|n| self.node(n));
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::VariableBlock(_, e) => self.expr(e),
            Node::Set(_, set) => {
                self.expr(&set.value);
                let shape = self.shape_of(&set.value);
                let scope = if set.global { self.scopes.first_mut() } else { self.scopes.last_mut() };
                scope.into_iter().for_each(|s| {
                    s.insert(set.key.clone(), shape.clone());
                });
            }
            Node::FilterSection(_, f, _) => {
                f.filter.args.values().for_each(|e| self.expr(e));
                self.nodes(&f.body);
            }
            Node::Block(_, block, _) => self.nodes(&block.body),
            Node::Forloop(_, f, _) => {
                self.expr(&f.container);
                let container = self.shape_of(&f.container);
                let mut scope = HashMap::new();
                match &f.key {
                    // Over an object's fields: each value may be any of them.
                    Some(key) => {
                        scope.insert(key.clone(), Shape::Scalar);
                        scope.insert(f.value.clone(), Shape::Unknown);
                    }
                    None => {
                        let item = match container {
                            Shape::List(item) => *item,
                            _ => Shape::Unknown,
                        };
                        scope.insert(f.value.clone(), item);
                    }
                }
                scope.insert("loop".into(), Shape::Unknown);
                self.scoped(scope, |w| {
                    w.nodes(&f.body);
                    f.empty_body.iter().for_each(|b| w.nodes(b));
                });
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    self.expr(cond);
                    self.guarded_by(cond, |w| w.nodes(body));
                }
                i.otherwise.iter().for_each(|(_, body)| self.nodes(body));
            }
            // A macro sees its arguments and the variables of the page that calls it, never the
            // caller's loop variables: its names are judged even in a file of macros.
            Node::MacroDefinition(_, m, _) => {
                m.args.values().flatten().for_each(|e| self.expr(e));
                let scope = m.args.keys().map(|a| (a.clone(), Shape::Unknown)).collect();
                let page_template = std::mem::replace(&mut self.page_template, true);
                self.scoped(scope, |w| w.nodes(&m.body));
                self.page_template = page_template;
            }
            _ => {}
        }
    }

    /// Runs `f` with the names `cond` asks `is defined` of (also through `and`) guarded.
    fn guarded_by(&mut self, cond: &Expr, f: impl FnOnce(&mut Self)) {
        let before = self.guarded.len();
        defined_in(cond, &mut self.guarded);
        f(self);
        self.guarded.truncate(before);
    }

    fn scoped(&mut self, scope: HashMap<String, Shape>, f: impl FnOnce(&mut Self)) {
        self.scopes.push(scope);
        f(self);
        self.scopes.pop();
    }

    fn expr(&mut self, e: &Expr) {
        for filter in &e.filters {
            filter.args.values().for_each(|a| self.expr(a));
        }
        // `x | default(value=…)` says the team knows `x` may be missing.
        if e.filters.iter().any(|f| f.name == "default") {
            return;
        }
        self.val(&e.val);
    }

    fn val(&mut self, v: &ExprVal) {
        match v {
            ExprVal::Ident(name) => self.ident(name),
            ExprVal::Math(m) => {
                self.expr(&m.lhs);
                self.expr(&m.rhs);
            }
            ExprVal::Logic(l) => {
                self.expr(&l.lhs);
                match l.operator {
                    tera::ast::LogicOperator::And => self.guarded_by(&l.lhs, |w| w.expr(&l.rhs)),
                    _ => self.expr(&l.rhs),
                }
            }
            ExprVal::In(i) => {
                self.expr(&i.lhs);
                self.expr(&i.rhs);
            }
            // `x is defined` asks exactly whether it is there.
            ExprVal::Test(t) => {
                if !matches!(t.name.as_str(), "defined" | "undefined") {
                    self.ident(&t.ident);
                }
                t.args.iter().for_each(|a| self.expr(a));
            }
            ExprVal::MacroCall(c) => c.args.values().for_each(|a| self.expr(a)),
            ExprVal::FunctionCall(c) => c.args.values().for_each(|a| self.expr(a)),
            ExprVal::Array(items) => items.iter().for_each(|a| self.expr(a)),
            ExprVal::StringConcat(c) => c.values.iter().for_each(|v| self.val(v)),
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
        }
    }

    /// Looks `name` ("item.attachments.0", "item['x']") up; a wrong part is noted.
    fn ident(&mut self, name: &str) {
        if let Err(wrong) = self.resolve(name) {
            self.found.push(wrong);
        }
    }

    /// What `e` holds, as far as the samples tell.
    fn shape_of(&self, e: &Expr) -> Shape {
        match &e.val {
            ExprVal::Ident(name) if e.filters.is_empty() => self.resolve(name).unwrap_or_default(),
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => Shape::Scalar,
            _ => Shape::Unknown,
        }
    }

    /// The shape `name` holds, or (the name up to its wrong part, a hint) if a part is missing.
    fn resolve(&self, name: &str) -> Result<Shape, (String, String)> {
        // A subscript by a variable ("item[key]") is not followed; the parts before it are.
        let plain = name.split('[').next().unwrap_or(name);
        let guarded =
            |g: &String| plain.strip_prefix(g.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        if self.guarded.iter().any(guarded) {
            return Ok(Shape::Unknown);
        }
        let mut parts = plain.split('.');
        let root = parts.next().unwrap_or("");
        if matches!(root, "__tera_context" | "self" | "") {
            return Ok(Shape::Unknown);
        }
        let mut shape = match self.scopes.iter().rev().find_map(|s| s.get(root)) {
            Some(s) => s.clone(),
            None => match self.page.fields().and_then(|f| f.get(root)) {
                Some(s) => s.clone(),
                None if !self.page_template => return Ok(Shape::Unknown),
                None => return Err((root.to_string(), hint(root, "", self.names()))),
            },
        };
        let mut so_far = root.to_string();
        for part in parts {
            let next = match &shape {
                Shape::Unknown => return Ok(Shape::Unknown),
                Shape::List(item) if part.parse::<usize>().is_ok() => Some((**item).clone()),
                Shape::Object(fields) => fields.get(part).cloned(),
                Shape::List(_) | Shape::Scalar => None,
            };
            let Some(next) = next else {
                let keys = shape.fields().map(|f| f.keys().map(String::as_str).collect()).unwrap_or_default();
                return Err((format!("{so_far}.{part}"), hint(part, &format!("{so_far}."), keys)));
            };
            so_far.push('.');
            so_far.push_str(part);
            shape = next;
        }
        Ok(shape)
    }

    /// Every name a template may read at this point.
    fn names(&self) -> Vec<&str> {
        let page = self.page.fields().into_iter().flat_map(|f| f.keys());
        self.scopes.iter().flat_map(|s| s.keys()).chain(page).map(String::as_str).collect()
    }
}

/// Pushes the names `cond` holds to be defined: `x is defined`, also on either side of `and`.
fn defined_in(cond: &Expr, out: &mut Vec<String>) {
    match &cond.val {
        ExprVal::Test(t) if t.name == "defined" && !t.negated && !cond.negated => out.push(t.ident.clone()),
        ExprVal::Logic(l) if l.operator == tera::ast::LogicOperator::And && !cond.negated => {
            defined_in(&l.lhs, out);
            defined_in(&l.rhs, out);
        }
        _ => {}
    }
}

/// ", did you mean `x`?" for the closest of `names` to `wrong`, if one is close, written after `path`.
fn hint(wrong: &str, path: &str, names: Vec<&str>) -> String {
    let close =
        names.into_iter().map(|n| (distance(wrong, n), n)).filter(|&(d, n)| d <= 2.max(n.chars().count() / 4)).min();
    close.map_or_else(String::new, |(_, n)| format!(" (did you mean `{path}{n}`?)"))
}

/// Levenshtein distance between `a` and `b`, by characters.
pub(super) fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn warnings(template: &str, pages: &[Value]) -> Vec<String> {
        let page = pages.iter().fold(Shape::Unknown, |s, p| s.merge(Shape::of(p)));
        let t = tera::Template::new("t.html", None, template).unwrap();
        unknown_names(Path::new("t.html"), template, &t.ast, &page, true).iter().map(|d| d.to_string()).collect()
    }

    fn meeting() -> Value {
        json!({ "base": "/", "meeting": { "title": "Direktionen", "items": [
            { "title": "Punkt 1", "attachments": ["Bilag 1"], "case": null, "sections": [] },
            { "title": "Punkt 2", "attachments": [], "case": { "number": "16/26813" }, "sections": [] }
        ] } })
    }

    #[test]
    fn a_misspelt_field_in_a_condition_is_named_with_its_line_and_the_field_meant() {
        let t = "<ul>\n{% for item in meeting.items %}\n{% if item.atachments %}<li>{{ item.title }}</li>{% endif %}\n{% endfor %}</ul>";
        let w = warnings(t, &[meeting()]);
        assert_eq!(w.len(), 1, "{w:#?}");
        assert!(w[0].contains("t.html:3:7") && w[0].contains("`item.atachments`"), "{w:#?}");
        assert!(w[0].contains("did you mean `item.attachments`?"), "{w:#?}");
        // A misspelt variable of the page, and a field of a field.
        let w =
            warnings("{% if meting.title %}{% endif %}{% if meeting.items.0.case.numbr %}{% endif %}", &[meeting()]);
        assert_eq!(w.len(), 2, "{w:#?}");
        assert!(w[0].contains("`meting`") && w[0].contains("did you mean `meeting`?"), "{w:#?}");
        assert!(
            w[1].contains("`meeting.items.0.case.numbr`") && w[1].contains("`meeting.items.0.case.number`"),
            "{w:#?}"
        );
    }

    #[test]
    fn names_the_template_brings_in_or_guards_are_not_named() {
        let t = r#"{% import "macros.html" as m %}{% macro row(x, y=1) %}{{ x }}{{ y }}{{ base }}{% endmacro %}
            {% set first = meeting.items.0 %}{{ first.title }}{% set_global n = 0 %}{{ n }}
            {% for item in meeting.items %}{{ loop.index }}{{ item.case.number }}{% else %}{% endfor %}
            {% for k, v in meeting %}{{ k }}{{ v.anything }}{% endfor %}
            {% if extra is defined and extra.logo %}{% endif %}{% if logo is defined %}{{ logo.src }}{% endif %}{{ logo | default(value="x") }}
            {{ meeting.items | length }}{{ meeting["title"] }}{{ __tera_context }}{{ m::x(a=meeting.title) }}
            {% filter upper %}{{ meeting.title }}{% endfilter %}{% block b %}{{ super() }}{% endblock %}"#;
        assert_eq!(warnings(t, &[meeting()]), Vec::<String>::new());
    }

    #[test]
    fn what_the_samples_cannot_tell_is_not_judged() {
        // The case is null on the first item and an object on the second: its fields are known;
        // an empty list's items and a null are not.
        let page = json!({ "list": [], "maybe": null });
        assert_eq!(warnings("{{ list.0.whatever }}{{ maybe.anything }}", &[page]), Vec::<String>::new());
        // A field seen on one page only is a field.
        let w = warnings("{% if note %}{% endif %}", &[json!({ "a": 1 }), json!({ "note": "x" })]);
        assert_eq!(w, Vec::<String>::new());
    }

    #[test]
    fn a_partial_is_judged_only_on_the_pages_variables() {
        let source =
            "{{ item.title }}{% if meeting.titel %}{% endif %}{% macro m(a) %}{% if b %}{% endif %}{% endmacro %}";
        let t = tera::Template::new("p.html", None, source).unwrap();
        let page = Shape::of(&meeting());
        let w: Vec<String> =
            unknown_names(Path::new("p.html"), source, &t.ast, &page, false).iter().map(|d| d.to_string()).collect();
        assert_eq!(w.len(), 2, "the includer's loop variable is not judged, the page's field is: {w:#?}");
        assert!(w[0].contains("`meeting.titel`"), "{w:#?}");
        assert!(w[1].contains("`b`"), "a macro sees no loop variable of its caller: {w:#?}");
    }
}
