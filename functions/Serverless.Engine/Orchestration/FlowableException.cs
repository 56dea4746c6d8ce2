namespace Serverless.Engine.Orchestration;

/// <summary>A flowable task cannot go on (bad values, no matching case…); its task run becomes FAILED with this message.</summary>
public sealed class FlowableException(string message) : Exception(message);
