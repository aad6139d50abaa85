using System.CommandLine;
using CertKit.Action.Programs;

namespace CertKit.Action.Cli;

/// <summary><c>--program</c> as every command takes it: an id or alias in any case, or <c>custom</c>; anything else is one line.</summary>
internal static class ProgramOption
{
    public static void AcceptProgramNames(Option<string> option) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && ProgramRegistry.Canonical(result.Tokens[0].Value) is null)
            {
                result.AddError($"--program: {ProgramRegistry.Unknown(result.Tokens[0].Value)}");
            }
        });
}
