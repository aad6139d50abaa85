using System.CommandLine;
using CertKit.Action.Cli;

namespace CertKit.Action;

public static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("certkit: keep partner integrations certified (Venafi, commercetools Connect, Adobe Sign).");
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).InvokeAsync();
    }
}
