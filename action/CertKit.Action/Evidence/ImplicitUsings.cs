namespace CertKit.Action.Evidence;

/// <summary>The global usings an SDK-style project with ImplicitUsings compiles with (web SDK included), for syntax-only compilations.</summary>
internal static class ImplicitUsings
{
    public const string Text =
        "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\n" +
        "global using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Net.Http.Json;\n" +
        "global using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n";
}
