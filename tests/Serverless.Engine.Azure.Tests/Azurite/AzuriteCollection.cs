namespace Serverless.Engine.Azure.Tests.Azurite;

/// <summary>
/// Test classes marked <c>[Collection("Azurite")]</c> share one <see cref="AzuriteFixture"/> (one emulator
/// process for the whole run); each class isolates its data with <see cref="AzuriteFixture.NewContainerPrefix"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
