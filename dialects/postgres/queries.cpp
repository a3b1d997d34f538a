#include "dialects/postgres/queries.hpp"

namespace strata::postgres::queries {

// The namespace filter shared by every query (n = pg_namespace).
#define STRATA_USER_NAMESPACE                                                                    \
  " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' " \
  " AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND (($1)::text[] IS NULL OR n.nspname = ANY (($1)::text[])) "

// Objects that belong to an extension are not part of the user's schema. (NOT IN over a hashed
// subplan: one pass over pg_depend, where a NOT EXISTS turned into a scan per row.)
#define STRATA_NOT_EXTENSION_MEMBER(catalog, oid_expr)                                      \
  " " oid_expr " NOT IN (SELECT dep.objid FROM pg_depend dep WHERE dep.classid = '" catalog \
  "'::regclass AND dep.deptype = 'e') "

// Not the constructors a range type brings (they depend on it internally).
#define STRATA_NOT_RANGE_CONSTRUCTOR                                                                 \
  "  AND p.oid NOT IN (SELECT dep.objid FROM pg_depend dep WHERE dep.classid = 'pg_proc'::regclass " \
  "                    AND dep.deptype = 'i') "

const char* const kNamespaces = "SELECT n.nspname FROM pg_namespace n WHERE " STRATA_USER_NAMESPACE
                                " AND " STRATA_NOT_EXTENSION_MEMBER("pg_namespace", "n.oid") " ORDER BY n.nspname";

const char* const kDatabase =
    "SELECT current_database(), "
    "       (SELECT json_agg(json_build_array(e.extname, n.nspname, e.extversion) ORDER BY e.extname) "
    "        FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
    "        WHERE e.extname <> 'plpgsql')";

const char* const kEnums =
    "SELECT n.nspname, t.typname, "
    "       (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
    "WHERE t.typtype = 'e' AND " STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_type", "t.oid");

// An identity column's sequence (pg_depend deptype 'i') is the column's; one a column owns
// (serial, OWNED BY: deptype 'a') is read with its owner, which it goes with.
const char* const kSequences =
    "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, "
    "       s.seqmax, s.seqcache, s.seqcycle, own_n.nspname, own_t.relname, own_a.attname "
    "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_depend own ON own.classid = 'pg_class'::regclass AND own.objid = c.oid AND own.deptype = 'a' "
    "  AND own.refclassid = 'pg_class'::regclass AND own.refobjsubid > 0 "
    "LEFT JOIN pg_class own_t ON own_t.oid = own.refobjid LEFT JOIN pg_namespace own_n ON own_n.oid = own_t.relnamespace "
    "LEFT JOIN pg_attribute own_a ON own_a.attrelid = own.refobjid AND own_a.attnum = own.refobjsubid "
    "WHERE " STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_class'::regclass "
    "                  AND dep.objid = c.oid AND dep.deptype = 'i')";

const char* const kColumns =
    "SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), "
    "       CASE WHEN bt.typtype = 'e' THEN btn.nspname END, CASE WHEN bt.typtype = 'e' THEN bt.typname END, "
    "       t.typcategory = 'A' AND et.oid IS NOT NULL, a.attnotnull, "
    "       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END, "
    "       a.attidentity, "
    "       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END, "
    "       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
    "LEFT JOIN pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
    "LEFT JOIN pg_type bt ON bt.oid = COALESCE(et.oid, t.oid) "
    "LEFT JOIN pg_namespace btn ON btn.oid = bt.typnamespace "
    "LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum "
    "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
    "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " ORDER BY n.nspname, c.relname, a.attnum";

// Key columns come back as attribute numbers (resolved against the column query's rows), so
// that no per-index subquery joins pg_attribute; only expression keys are deparsed. A
// materialized view's columns are not read: its index's key columns come named (the last field). An invalid
// index (a CREATE INDEX CONCURRENTLY that failed or is still running) is not part of the schema:
// creating the declared index clears it first.
const char* const kIndexes =
    "SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname, "
    "       pg_get_expr(i.indpred, i.indrelid, true), i.indnkeyatts, "
    "       i.indkey::int2[]::text, i.indoption::int2[]::text, "
    "       CASE WHEN 0 = ANY (i.indkey::int2[]) THEN to_json(ARRAY( "
    "         SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true) END "
    "         FROM generate_series(1, i.indnkeyatts) AS k)) END, "
    "       to_json(ARRAY(SELECT (SELECT CASE WHEN o.opcdefault THEN '' ELSE o.opcname END "
    "                             FROM pg_opclass o WHERE o.oid = u.opc) "
    "         FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS u(opc, ord) ORDER BY u.ord)), "
    "       CASE WHEN c.relkind = 'm' THEN to_json(ARRAY( "
    "         SELECT COALESCE(a.attname::text, '') FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
    "         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.ord)) END "
    "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam "
    "WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition AND i.indisvalid AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
    "                  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
    "ORDER BY n.nspname, c.relname, ic.relname";

// Constrained columns come back as attribute numbers; referenced columns are named here, since
// the referenced table may lie outside the namespaces being read. A constraint left NOT VALID
// (its validation failed) does not hold for the rows yet: it is not read, and adding the declared
// one replaces it.
const char* const kConstraints =
    "SELECT n.nspname, c.relname, con.conname, con.contype, con.conkey::text, "
    "       fn.nspname, fc.relname, "
    "       CASE WHEN con.contype = 'f' THEN (SELECT json_agg(a.attname ORDER BY k.ord) "
    "         FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord) "
    "         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) END, "
    "       con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred, "
    "       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END, con.confmatchtype "
    "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
    "WHERE con.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
    "  AND con.conislocal AND con.convalidated AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " ORDER BY n.nspname, c.relname, con.conname";

// Comments on tables, their columns, their indexes and those of materialized views (not those of a
// key: COMMENT ON CONSTRAINT says those) and their keys; comments on check constraints are not
// read (the declared format has nowhere to keep them); comments on views and enum types. Rows:
// kind, namespace, table (or view, or type), object (empty for the table itself), text.
#define STRATA_RELATION_FILTER(c, kinds)                                                  \
  " " c ".relkind IN (" kinds ") AND NOT " c ".relispartition AND " STRATA_USER_NAMESPACE \
  " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", c ".oid")
#define STRATA_TABLE_FILTER(c) STRATA_RELATION_FILTER(c, "'r', 'p'")
const char* const kComments =
    "SELECT 'table', n.nspname, c.relname, '', d.description "
    "FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE d.objsubid = 0 AND " STRATA_TABLE_FILTER("c")
    "UNION ALL "
    "SELECT 'column', n.nspname, c.relname, a.attname, d.description "
    "FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid "
    "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND NOT a.attisdropped "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE d.objsubid > 0 AND " STRATA_TABLE_FILTER("c")
    "UNION ALL "
    "SELECT 'index', n.nspname, c.relname, ic.relname, d.description "
    "FROM pg_description d JOIN pg_index i ON d.classoid = 'pg_class'::regclass AND d.objoid = i.indexrelid "
    "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.indisvalid AND " STRATA_RELATION_FILTER("c", "'r', 'p', 'm'")
    "  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
    "                  AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
    "UNION ALL "
    "SELECT 'constraint', n.nspname, c.relname, con.conname, d.description "
    "FROM pg_description d JOIN pg_constraint con ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid "
    "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE con.contype IN ('p', 'u', 'f') AND con.conislocal AND " STRATA_TABLE_FILTER("c")
    "UNION ALL "
    "SELECT CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END, n.nspname, c.relname, '', "
    "       d.description "
    "FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE d.objsubid = 0 AND c.relkind IN ('v', 'm') AND "
    STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid") "UNION ALL "
    "SELECT 'type', n.nspname, t.typname, '', d.description "
    "FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid "
    "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_type", "t.oid");
#undef STRATA_TABLE_FILTER
#undef STRATA_RELATION_FILTER

// A view's dependencies are those of its _RETURN rule (pg_rewrite) on other relations: one row per
// column it reads, and one with refobjsubid 0 per relation it reads as a whole.
const char* const kViews =
    "SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid), "
    "       (SELECT json_agg(json_build_array(tn.nspname, t.relname, a.attname)) "
    "        FROM pg_rewrite r JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid "
    "        JOIN pg_class t ON d.refclassid = 'pg_class'::regclass AND t.oid = d.refobjid AND t.oid <> c.oid "
    "        JOIN pg_namespace tn ON tn.oid = t.relnamespace "
    "        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0 "
    "        WHERE r.ev_class = c.oid) "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('v', 'm') AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid") " ORDER BY 1, 2";

const char* const kRoutines =
    "SELECT 'f', pg_get_functiondef(p.oid) "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.prokind IN ('f', 'p') AND " STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_proc", "p.oid")
        STRATA_NOT_RANGE_CONSTRUCTOR
    "UNION ALL "
    "SELECT 't', pg_get_triggerdef(t.oid) "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid");

// What the user's namespaces hold that the model does not (see kUnmanaged in the header). The
// union keeps it one round trip; each part names its own kind.
const char* const kUnmanaged =
    "SELECT CASE c.relkind WHEN 'f' THEN 'foreign table' ELSE 'partition' END, n.nspname, c.relname "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE (c.relkind = 'f' OR (c.relkind IN ('r', 'p') AND c.relispartition)) AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "UNION ALL "
    "SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END, n.nspname, "
    "       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.prokind IN ('a', 'w') AND " STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_proc", "p.oid")
    STRATA_NOT_RANGE_CONSTRUCTOR
    "UNION ALL "
    "SELECT 'trigger', n.nspname, t.tgname || ' on ' || c.relname "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND (c.relkind NOT IN ('r', 'p', 'v', 'm') OR c.relispartition) AND "
    STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "UNION ALL "
    "SELECT 'rule', n.nspname, r.rulename || ' on ' || c.relname "
    "FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE r.rulename <> '_RETURN' AND " STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "UNION ALL "
    "SELECT 'policy', n.nspname, pol.polname || ' on ' || c.relname "
    "FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " STRATA_USER_NAMESPACE " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "UNION ALL "
    "SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'composite type' END, n.nspname, "
    "       t.typname "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid "
    "WHERE (t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND c.relkind = 'c')) AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_type", "t.oid")
    "UNION ALL "
    "SELECT CASE con.contype WHEN 'x' THEN 'exclusion constraint' ELSE 'constraint (NOT VALID)' END, n.nspname, "
    "       con.conname || ' on ' || c.relname "
    "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE (con.contype = 'x' OR (con.contype IN ('f', 'c') AND NOT con.convalidated)) AND con.conislocal "
    "  AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "UNION ALL "
    "SELECT 'index (invalid)', n.nspname, ic.relname || ' on ' || c.relname "
    "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT i.indisvalid AND c.relkind IN ('r', 'p', 'm') AND " STRATA_USER_NAMESPACE
    " AND " STRATA_NOT_EXTENSION_MEMBER("pg_class", "c.oid")
    "ORDER BY 2, 1, 3";

#undef STRATA_USER_NAMESPACE
#undef STRATA_NOT_EXTENSION_MEMBER

}  // namespace strata::postgres::queries
