using Azure.Data.Tables;

namespace Serverless.Engine.Azure.Tables;

/// <summary>
/// Creates a table the first time a store needs it, once per process however many calls race, and tries
/// again on the next call when creating failed (an outage at start must not leave the store broken).
/// Every Table Storage store of this assembly shares it.
/// </summary>
internal sealed class TableOnFirstUse(TableClient table)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _exists;

    public TableClient Table { get; } = table ?? throw new ArgumentNullException(nameof(table));

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _exists))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_exists)
            {
                await Table.CreateIfNotExistsAsync(cancellationToken);
                Volatile.Write(ref _exists, true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
