namespace SampleIntegration.Startup;

/// <summary>Where signed agreements are archived: an Azure Storage account.</summary>
public static class AgreementArchive
{
    // Azurite, the local storage emulator: its well-known development connection string is not a secret.
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    // DELIBERATE FINDING CK1003: a storage account key in the connection string, whatever the constant is called.
    public const string ProductionConnection = "DefaultEndpointsProtocol=https;AccountName=partnerarchive;AccountKey=EUOCApAGzdxmQS056V1E2p4TIwkffMnZH1U6BhJPbkwRNPuvtoe46SZmpmbR8NpDCG97sfjlQ0bXiLlNxUNyYA==;EndpointSuffix=core.windows.net";

    public static string ConnectionString(bool development) =>
        development ? DevelopmentConnectionString : Environment.GetEnvironmentVariable("AGREEMENT_ARCHIVE_CONNECTION") ?? ProductionConnection;
}
