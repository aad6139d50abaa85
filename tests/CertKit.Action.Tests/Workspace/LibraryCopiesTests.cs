using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Workspace;

/// <summary>
/// Third-party scripts a site copies unminified into its own folders (an ASP.NET MVC site's <c>Content/</c> and
/// <c>Scripts/</c>) are vendored by the library's banner, its demo beside it with it, a webpack bundle is generated; the
/// site's own scripts, licence header or not, stay source. Runs <c>certkit scan --json</c> on a repository built on disk.
/// </summary>
[Collection(ScanCollection.Name)]
public sealed class LibraryCopiesTests
{
    [Fact]
    public async Task Copied_libraries_their_demos_and_bundles_are_not_analysed_and_the_sites_own_scripts_are()
    {
        using var repo = TempRepository.Create();
        repo.Write("Site/Content/widgets/gallerio/gallerio.js", """
            /*!
             * Gallerio
             * Version: 2.3.1
             * Copyright 2016 Ada Lovelace
             * Released under the MIT license
             */
            (function () {
              fetch('https://cdn.gallerio.io/v1/images.json');
              console.log('gallerio: no element found');
            })();
            """);
        repo.Write("Site/Content/widgets/gallerio/gallerio-demo.js", """
            $(function () {
              $('#gallery').gallerio({ onClick: function (e) { console.log(e); } });
            });
            """);
        repo.Write("Site/Content/widgets/card/card.js", """
            var card =
            /******/ (function (modules) { // webpackBootstrap
            /******/   console.warn('card: unknown brand');
            /******/ })([]);
            """);
        repo.Write("Site/Scripts/checkout.js", """
            // Copyright 2024 Site Ltd. Licensed under the Apache License, Version 2.0.
            function pay(order) {
              fetch('https://api.paygate.io/v2/charges', { method: 'POST', body: JSON.stringify(order) });
              console.log('paying', order.id);
            }
            """);
        repo.Write("Site/Scripts/checkout-demo.js", "function demo() {\n  console.log('demo order');\n}\n");
        repo.Commit();

        var run = await ScanHarness.RunAsync(repo.Root, "--json", "--fail-on", "none");

        Assert.Equal(
            [("CK1001", "Site/Scripts/checkout.js", 3, 10), ("CK3001", "Site/Scripts/checkout-demo.js", 2, 3), ("CK3001", "Site/Scripts/checkout.js", 4, 3)],
            run.Findings.Where(f => f.RuleId.StartsWith("CK", StringComparison.Ordinal)).OrderBy(f => f.RuleId).ThenBy(f => f.Path, StringComparer.Ordinal).Select(f => (f.RuleId, f.Path, f.Line, f.Column)).ToList());
        var skipped = run.Skipped;
        Assert.Equal("vendored (library banner (2.3.1, licence)): not analysed (--files vendored=all to analyse)", skipped["Site/Content/widgets/gallerio/gallerio.js"]);
        Assert.Equal("vendored (demo of the library beside it (a vendored script in the same folder)): not analysed (--files vendored=all to analyse)", skipped["Site/Content/widgets/gallerio/gallerio-demo.js"]);
        Assert.Equal("generated (generated-code header or minified): not analysed (--files generated=all to analyse)", skipped["Site/Content/widgets/card/card.js"]);
    }
}
