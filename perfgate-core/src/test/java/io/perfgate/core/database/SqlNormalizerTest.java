package io.perfgate.core.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlNormalizerTest {

    @Test
    void literalsBecomePlaceholders() {
        assertEquals("select * from order_line where order_id = ? and sku = ?",
                SqlNormalizer.normalize("select * from order_line where order_id = 17 and sku = 'A-1'"));
        assertEquals(SqlNormalizer.normalize("select * from t where id = 17"),
                SqlNormalizer.normalize("select * from t where id = 18"));
    }

    @Test
    void numbersInsideIdentifiersStay() {
        assertEquals("select col1, t2.x from table_2 t2 where t2.v > ?",
                SqlNormalizer.normalize("select col1, t2.x from table_2 t2 where t2.v > 4.5e3"));
    }

    @Test
    void whitespaceAndCommentsCollapse() {
        assertEquals("select a from t where b = ?",
                SqlNormalizer.normalize("  select a\n\t from t -- the table\n where /* why */ b = ?  "));
    }

    @Test
    void inListsOfAnyLengthAreOneStatement() {
        assertEquals("select * from t where id in (?)", SqlNormalizer.normalize("select * from t where id in (1, 2, 3)"));
        assertEquals("select * from t where id IN (?)", SqlNormalizer.normalize("select * from t where id IN (?,?)"));
    }

    @Test
    void quotedTextIsKeptWholeOrReplacedWhole() {
        assertEquals("select \"Order Id\" from t where note = ?",
                SqlNormalizer.normalize("select \"Order Id\" from t where note = 'it''s -- not a comment'"));
        assertEquals("select ?", SqlNormalizer.normalize("select $body$ it's 42 $body$"));
        assertEquals("select * from t where a = ? and b = ?", SqlNormalizer.normalize("select * from t where a = $1 and b = $2"));
    }

    @Test
    void hugeStatementsAreCut() {
        String huge = "select " + "x, ".repeat(2000) + "y from t";
        String normalized = SqlNormalizer.normalize(huge);
        assertTrue(normalized.length() <= SqlNormalizer.MAX_LENGTH + 1, "length " + normalized.length());
        assertTrue(normalized.endsWith("…"));
    }

    @Test
    void nullSqlHasAKey() {
        assertEquals("(no SQL)", SqlNormalizer.normalize(null));
    }
}
