package dev.bonfire.query.projection;

import dev.bonfire.domain.common.Address;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.ContactPoint;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.observation.ObservationComponent;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.query.api.AddressView;
import dev.bonfire.query.api.CodingView;
import dev.bonfire.query.api.ComponentView;
import dev.bonfire.query.api.ConceptView;
import dev.bonfire.query.api.ContactPointView;
import dev.bonfire.query.api.IdentifierView;
import dev.bonfire.query.api.NameView;
import dev.bonfire.query.api.QuantityView;
import dev.bonfire.query.api.ReferenceView;
import dev.bonfire.query.api.ValueView;
import dev.bonfire.query.support.Bounds;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** Domain value types to their API views, one for one; nothing is rounded, normalised or dropped. */
final class DomainViews {

    private DomainViews() {
    }

    static <A, B> List<B> all(List<A> values, Function<A, B> map) {
        return values == null ? List.of() : values.stream().map(map).toList();
    }

    static CodingView coding(Coding c) {
        return c == null ? null : new CodingView(c.system(), c.code(), c.display());
    }

    static ConceptView concept(CodeableConcept c) {
        return c == null ? null : new ConceptView(all(c.codings(), DomainViews::coding), c.text());
    }

    static NameView name(HumanName n) {
        return new NameView(n.use(), n.family(), n.given(), n.prefix(), n.text());
    }

    static IdentifierView identifier(Identifier i) {
        return i == null ? null : new IdentifierView(i.system(), i.value(), i.type());
    }

    static AddressView address(Address a) {
        return new AddressView(a.use(), a.lines(), a.city(), a.state(), a.postalCode(), a.country());
    }

    static ContactPointView contactPoint(ContactPoint c) {
        return new ContactPointView(c.system(), c.value(), c.use());
    }

    static ReferenceView reference(Reference r) {
        return r == null ? null : new ReferenceView(r.type(), r.id(), identifier(r.identifier()), r.display());
    }

    static QuantityView quantity(Quantity q) {
        return q == null ? null : new QuantityView(decimal(q.value()), q.comparator(), q.unit(), q.system(), q.code());
    }

    static ValueView value(ObservationValue v) {
        return v == null ? null : new ValueView(quantity(v.quantity()), concept(v.concept()), v.text(), v.bool(),
                v.integer(), text(v.dateTime()));
    }

    static ComponentView component(ObservationComponent c) {
        return new ComponentView(concept(c.code()), value(c.value()));
    }

    /** The decimal as written: the plain form keeps the scale ({@code 1.50}, {@code 0.00000001}). */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static String text(ClinicalDateTime value) {
        return value == null ? null : value.value();
    }

    static OffsetDateTime lower(ClinicalDateTime value) {
        return Bounds.lower(value);
    }

    static OffsetDateTime upper(ClinicalDateTime value) {
        return Bounds.upper(value);
    }

    /** The first coding of a concept (for the flat code columns), or {@code null}. */
    static Coding firstCoding(CodeableConcept concept) {
        return concept == null || concept.codings().isEmpty() ? null : concept.codings().get(0);
    }
}
