package dev.bonfire.query.read;

import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.query.api.CodingView;
import dev.bonfire.query.api.ConceptView;
import dev.bonfire.query.support.ViewJson;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * A code filter in FHIR token syntax; several tokens separated by commas match any of them.
 * <ul>
 *   <li>{@code code}: any coding with this code, in any system;</li>
 *   <li>{@code system|code}: a coding with this system and code;</li>
 *   <li>{@code system|}: any coding in this system.</li>
 * </ul>
 * Every coding of the concept is tried, not just the first. ({@code |code}, "code without a system",
 * is refused: stored codings do not record an absent system.)
 */
public record CodeFilter(List<CodingView> tokens) {

    public static final CodeFilter ANY = new CodeFilter(List.of());

    private static final int MAX_TOKENS = 20;

    public CodeFilter {
        tokens = List.copyOf(tokens);
    }

    public static CodeFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_TOKENS) {
            throw new InvalidCommandException("code takes at most " + MAX_TOKENS + " comma-separated codes");
        }
        List<CodingView> tokens = new ArrayList<>();
        for (String part : parts) {
            tokens.add(token(part.strip()));
        }
        return new CodeFilter(tokens);
    }

    private static CodingView token(String token) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            if (token.isEmpty()) {
                throw new InvalidCommandException("code has an empty entry");
            }
            return new CodingView(null, token, null);
        }
        if (token.indexOf('|', bar + 1) >= 0) {
            throw new InvalidCommandException("code must be 'code', 'system|code' or 'system|', was '" + Params.shorten(token) + "'");
        }
        String system = token.substring(0, bar);
        String code = token.substring(bar + 1);
        if (system.isEmpty()) {
            throw new InvalidCommandException("code '|" + Params.shorten(code) + "' (a code without a system) is not supported: "
                    + "give 'system|code' or just 'code'");
        }
        return new CodingView(system, code.isEmpty() ? null : code, null);
    }

    /**
     * The condition on a concept column: jsonb containment of {@code {"codings":[{…}]}}, which the
     * column's GIN index serves.
     */
    Condition on(Field<JSONB> concept) {
        if (tokens.isEmpty()) {
            return DSL.noCondition();
        }
        return DSL.or(tokens.stream()
                .map(t -> concept.contains(ViewJson.write(new ConceptView(List.of(t), null))))
                .toList());
    }
}
