namespace Serverless.Engine.Storage;

/// <summary>
/// Flow YAML sources with their revision history. Every change is a new revision (previous + 1, starting
/// at 1); a delete is a revision too (a delete marker), so history survives and a later save continues
/// the numbering, as in Kestra.
/// </summary>
/// <remarks>
/// Concurrent saves of the same flow never share a revision: each revision is created with a
/// create-only write and a writer that loses the race retries with the next number. Saving the same
/// source as the latest live revision creates nothing and returns that revision.
/// The store keeps sources as given; parsing and validation belong to the caller.
/// </remarks>
public interface IFlowStore
{
    /// <summary>Saves a new revision (or returns the latest when <paramref name="source"/> is unchanged).</summary>
    Task<StoredFlow> SaveAsync(string ns, string id, string source, CancellationToken ct = default);

    /// <summary>
    /// The given revision (delete markers included, with <see cref="StoredFlow.Deleted"/> set), or the
    /// latest one when <paramref name="revision"/> is null; <see langword="null"/> when missing or when the latest is a delete marker.
    /// </summary>
    Task<StoredFlow?> GetAsync(string ns, string id, int? revision = null, CancellationToken ct = default);

    /// <summary>Latest live revision of every flow, ordered by namespace then id; <paramref name="ns"/> includes child namespaces (<c>ns.*</c>).</summary>
    Task<IReadOnlyList<StoredFlow>> ListAsync(string? ns = null, CancellationToken ct = default);

    /// <summary>Every revision of a flow in ascending order, delete markers included; empty when the flow never existed.</summary>
    Task<IReadOnlyList<StoredFlow>> RevisionsAsync(string ns, string id, CancellationToken ct = default);

    /// <summary>Adds a delete marker revision; <see langword="false"/> when the flow is missing or already deleted.</summary>
    Task<bool> DeleteAsync(string ns, string id, CancellationToken ct = default);
}

/// <summary>
/// One revision of a flow. A delete marker carries the source of the revision it deleted, so the last
/// definition can be shown or restored.
/// </summary>
public sealed record StoredFlow(string Namespace, string Id, int Revision, string Source, DateTimeOffset Updated, bool Deleted = false);
