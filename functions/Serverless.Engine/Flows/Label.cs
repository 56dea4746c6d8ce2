namespace Serverless.Engine.Flows;

/// <summary>A key/value label on a flow or an execution.</summary>
public sealed record Label(string Key, string Value);
