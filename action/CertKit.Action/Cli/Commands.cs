using System.CommandLine;

namespace CertKit.Action.Cli;

/// <summary>The certkit sub-commands, each defined in its own file.</summary>
internal static class Commands
{
    public static IEnumerable<Command> All()
    {
        yield return DecideCommand.Create();
        yield return ScanCommand.Create();
        yield return ActionCommand.Create();
        yield return CheckCommand.Create();
        yield return EndpointsCommand.Create();
        yield return ProgramsCommand.Create();
        yield return PackCommand.Create();
    }
}
