using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>A code action's title and the rewrite it applies.</summary>
internal sealed class PlannedFix
{
    public PlannedFix(string title, Func<CancellationToken, Task<Document>> applyAsync)
    {
        Title = title;
        ApplyAsync = applyAsync;
    }

    public string Title { get; }

    public Func<CancellationToken, Task<Document>> ApplyAsync { get; }
}
