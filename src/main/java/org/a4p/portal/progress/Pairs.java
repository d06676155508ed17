package org.a4p.portal.progress;

import org.jspecify.annotations.Nullable;

/**
 * Which pairs the figures count: a {@link Basis}, and for the public basis either what is shown now
 * ({@code public_pair}: an open cycle live, a closed one as published in force) or one publication of a cycle,
 * superseded or not, for reading a cycle as it was published before a correction.
 *
 * @param publication the id of the publication to read the cycle from ({@code null}: as shown now); its cycle's
 * pairs come from it, every other cycle's as shown now (a timeline across cycles)
 */
public record Pairs(Basis basis, @Nullable Long publication) {

	/** What the public sees now. */
	public static final Pairs PUBLISHED = new Pairs(Basis.PUBLISHED, null);

	/** Submitted values too, live (shown to those allowed, labelled). */
	public static final Pairs SELF_REPORTED = new Pairs(Basis.SELF_REPORTED, null);

	public Pairs {
		if (publication != null && basis != Basis.PUBLISHED) {
			throw new IllegalArgumentException("A publication holds published values only");
		}
	}

	public static Pairs of(Basis basis) {
		return (basis == Basis.PUBLISHED) ? PUBLISHED : SELF_REPORTED;
	}

	/** The cycle as this publication recorded it (other cycles as shown now). */
	public static Pairs publication(long id) {
		return new Pairs(Basis.PUBLISHED, id);
	}

	/**
	 * The SQL relation of what the public sees pair by pair, with the columns of {@code public_pair}
	 * ({@code cycle_id, commitment_id, stakeholder_id, status, reported, validated_at, entry_id, publication_id}:
	 * a pair shown live has its entry's id, a pair shown as published its publication's), for
	 * queries that read statuses: {@code public_pair} itself, or the same with this publication's cycle read
	 * from this publication. Only for the public basis.
	 */
	public String publicRelation() {
		if (this.basis != Basis.PUBLISHED) {
			throw new IllegalStateException("Self-reported values are not public");
		}
		if (this.publication == null) {
			return "public_pair";
		}
		long id = this.publication;
		return "(select cycle_id, commitment_id, stakeholder_id, status, reported, validated_at, entry_id, "
				+ "publication_id from public_pair where cycle_id <> (select cycle_id from publication where id = " + id
				+ ") union all select p.cycle_id, x.commitment_id, x.stakeholder_id, x.status, x.reported, "
				+ "x.validated_at, null::bigint, p.id from published_pair x join publication p on p.id = x.publication_id "
				+ "where x.publication_id = " + id + ")";
	}

	/** {@code from <pairs> pp } with whatever the basis's counts need. */
	String from() {
		return (this.publication == null) ? this.basis.from : "from " + publicRelation() + " pp ";
	}

}
