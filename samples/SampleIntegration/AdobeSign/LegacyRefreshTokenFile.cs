namespace SampleIntegration.AdobeSign;

/// <summary>
/// The token file of version 1 of this integration, still written so that old installations can be rolled back.
/// </summary>
public sealed class LegacyRefreshTokenFile
{
    private readonly string _path;

    public LegacyRefreshTokenFile(string path)
    {
        _path = path;
    }

    public string? Read() => File.Exists(_path) ? File.ReadAllText(_path) : null;

    public void Write(AdobeSignTokens tokens)
    {
        // DELIBERATE FINDING CK2001: the refresh token reaches the disk in plaintext (no protector on the way).
        File.WriteAllText(_path, tokens.RefreshToken);
    }
}
