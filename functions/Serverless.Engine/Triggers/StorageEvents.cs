namespace Serverless.Engine.Triggers;

/// <summary>
/// A blob that appeared (Functions blob trigger, Event Grid, or the poller). <see cref="ETag"/> makes the
/// event id: the same blob version never starts a flow twice; an overwrite (new ETag) starts it again.
/// </summary>
public sealed record BlobEvent(string Container, string Name, Uri Uri, long Size, string? ETag)
{
    public string EventId => $"{Container}/{Name}@{ETag}";
}

/// <summary>A queue message (Functions queue trigger or the poller); its message id makes the event id.</summary>
public sealed record QueueEvent(string QueueName, string MessageId, string Message, DateTimeOffset? InsertedOn = null)
{
    public string EventId => $"{QueueName}/{MessageId}";
}
