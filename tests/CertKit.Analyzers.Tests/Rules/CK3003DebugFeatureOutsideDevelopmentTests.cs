using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK3003DebugFeatureOutsideDevelopmentAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

public class CK3003DebugFeatureOutsideDevelopmentTests
{
    // A commercetools Connect service: the pipeline and services are configured in one method.
    private const string ConnectService = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        namespace Acme.CommercetoolsConnect;

        public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options);

        public static class ConnectService
        {
            public static void Configure(WebApplication app, WebApplicationBuilder builder, IApplicationBuilder pipeline, IWebHostEnvironment env, DbContextOptionsBuilder<OrdersDbContext> db, bool featureFlag)
            {
                var isDev = app.Environment.IsDevelopment();
        /*STATEMENT*/
            }
        }
        """;

    private static string InService(string statement) => ConnectService.Replace("/*STATEMENT*/", statement);

    private static Task VerifyWebAsync(string source, bool debugBuild = false)
    {
        var test = Verify.CreateTest(source, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        if (debugBuild)
        {
            test.WithDebugSymbol();
        }

        return test.RunAsync();
    }

    [Theory]
    [InlineData("""{|CK3003:app.UseDeveloperExceptionPage()|};""")]
    [InlineData("""{|CK3003:pipeline.UseDeveloperExceptionPage()|};""")]
    [InlineData("""{|CK3003:app.UseSwagger()|};""")]
    [InlineData("""{|CK3003:app.UseSwaggerUI()|};""")]
    [InlineData("""{|CK3003:app.UseSwaggerUI(options => options.RoutePrefix = "docs")|};""")]
    [InlineData("""{|CK3003:app.UseSwagger()|}.UseRouting();""")]
    [InlineData("""{|CK3003:db.EnableSensitiveDataLogging()|};""")]
    [InlineData("""{|CK3003:db.EnableSensitiveDataLogging(true)|};""")]
    [InlineData("""{|CK3003:db.EnableDetailedErrors()|};""")]
    [InlineData("""{|CK3003:{|CK3003:db.EnableSensitiveDataLogging()|}.EnableDetailedErrors()|};""")]
    [InlineData("""builder.Services.AddDbContext<OrdersDbContext>(options => {|CK3003:options.EnableSensitiveDataLogging()|});""")]
    [InlineData("""{|CK3003:IdentityModelEventSource.ShowPII = true|};""")]
    [InlineData("""{|CK3003:IdentityModelEventSource.LogCompleteSecurityArtifact = true|};""")]
    [InlineData("""builder.Services.AddServerSideBlazor(options => {|CK3003:options.DetailedErrors = true|});""")]
    [InlineData("""builder.Services.AddSignalR(options => {|CK3003:options.EnableDetailedErrors = true|});""")]
    [InlineData("""{|CK3003:builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true")|};""")]
    [InlineData("""if (env.IsProduction()) { {|CK3003:app.UseDeveloperExceptionPage()|}; }""")]
    [InlineData("""if (env.IsStaging()) {|CK3003:app.UseSwaggerUI()|};""")]
    [InlineData("""if (env.IsEnvironment("Staging")) {|CK3003:app.UseSwagger()|};""")]
    [InlineData("""if (!app.Environment.IsDevelopment()) { {|CK3003:app.UseSwagger()|}; }""")]
    [InlineData("""if (env.IsDevelopment()) { app.UseHsts(); } else { {|CK3003:app.UseDeveloperExceptionPage()|}; }""")]
    [InlineData("""if (env.IsDevelopment() || featureFlag) { {|CK3003:app.UseSwaggerUI()|}; }""")]
    [InlineData("""if (!env.IsDevelopment()) { app.UseHsts(); } {|CK3003:app.UseDeveloperExceptionPage()|};""")]
    [InlineData("""if (featureFlag) return; {|CK3003:app.UseSwagger()|};""")]
    [InlineData("""_ = featureFlag ? {|CK3003:app.UseSwagger()|} : app;""")]
    [InlineData("""var showDocs = featureFlag; if (showDocs) {|CK3003:app.UseSwaggerUI()|};""")]
    [InlineData("""if (env.EnvironmentName == "Production") {|CK3003:app.UseDeveloperExceptionPage()|};""")]
    [InlineData("""if (isDev) { } {|CK3003:app.UseSwagger()|};""")]
    [InlineData("""switch (env.EnvironmentName) { case "Staging": case "Development": {|CK3003:app.UseSwagger()|}; break; }""")]
    [InlineData("""switch (env.EnvironmentName) { case "Development": break; default: {|CK3003:app.UseSwaggerUI()|}; break; }""")]
    public Task Debug_features_without_a_development_guard_are_flagged(string statement) => VerifyWebAsync(InService(statement));

    [Theory]
    [InlineData("""if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }""")]
    [InlineData("""if (env.IsDevelopment()) app.UseSwagger();""")]
    [InlineData("""if (builder.Environment.IsDevelopment()) { app.UseSwagger(); app.UseSwaggerUI(); }""")]
    [InlineData("""if (isDev) { app.UseDeveloperExceptionPage(); }""")]
    [InlineData("""if (env.IsEnvironment("Development")) app.UseSwaggerUI();""")]
    [InlineData("""if (env.IsEnvironment(Environments.Development)) app.UseSwaggerUI();""")]
    [InlineData("""if (env.EnvironmentName == "Development") pipeline.UseDeveloperExceptionPage();""")]
    [InlineData("""if (!env.IsDevelopment()) { app.UseExceptionHandler("/error"); } else { app.UseDeveloperExceptionPage(); }""")]
    [InlineData("""if (!env.IsDevelopment()) return; app.UseSwagger();""")]
    [InlineData("""if (!isDev) { return; } app.UseSwaggerUI();""")]
    [InlineData("""if (!app.Environment.IsDevelopment()) throw new InvalidOperationException("docs are for development"); app.UseSwagger();""")]
    [InlineData("""if (env.IsDevelopment() && featureFlag) { app.UseSwagger(); }""")]
    [InlineData("""var showDocs = isDev && featureFlag; if (showDocs) app.UseSwagger();""")]
    [InlineData("""_ = isDev ? app.UseDeveloperExceptionPage() : app.UseExceptionHandler("/error");""")]
    [InlineData("""if (isDev) { if (featureFlag) { app.UseSwaggerUI(); } }""")]
    [InlineData("""if (isDev) builder.Services.AddDbContext<OrdersDbContext>(options => options.EnableSensitiveDataLogging());""")]
    [InlineData("""if (env.IsDevelopment()) { builder.Services.AddServerSideBlazor(options => options.DetailedErrors = true); }""")]
    [InlineData("""if (env.IsDevelopment()) { IdentityModelEventSource.ShowPII = true; }""")]
    [InlineData("""db.EnableSensitiveDataLogging(false);""")]
    [InlineData("""db.EnableSensitiveDataLogging(isDev);""")]
    [InlineData("""db.EnableDetailedErrors(builder.Configuration.GetValue<bool>("Database:DetailedErrors"));""")]
    [InlineData("""IdentityModelEventSource.ShowPII = false;""")]
    [InlineData("""IdentityModelEventSource.ShowPII = isDev;""")]
    [InlineData("""builder.Services.AddSignalR(options => options.EnableDetailedErrors = false);""")]
    [InlineData("""builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "false");""")]
    [InlineData("""app.UseExceptionHandler("/error"); app.UseHsts(); app.UseHttpsRedirection();""")]
    [InlineData("""switch (env.EnvironmentName) { case "Development": app.UseSwagger(); break; case "Production": app.UseHsts(); break; }""")]
    [InlineData("""if (env.IsProduction()) { app.UseHsts(); } else if (env.IsDevelopment()) { app.UseDeveloperExceptionPage(); }""")]
    public Task Guarded_or_switched_off_features_are_not_flagged(string statement) => VerifyWebAsync(InService(statement));

    [Theory]
    [InlineData("""
        #if DEBUG
                app.UseDeveloperExceptionPage();
                db.EnableSensitiveDataLogging();
        #endif
        """)]
    [InlineData("""
        #if !DEBUG
                app.UseHsts();
        #else
                app.UseSwagger();
        #endif
        """)]
    public Task Features_inside_if_DEBUG_are_not_flagged_in_a_debug_build(string statement) => VerifyWebAsync(InService(statement), debugBuild: true);

    [Fact]
    public Task Features_in_the_else_branch_of_if_DEBUG_are_flagged_in_a_release_build() => VerifyWebAsync(
        InService("""
            #if DEBUG
                    app.UseDeveloperExceptionPage();
            #else
                    {|CK3003:app.UseSwaggerUI()|};
            #endif
            """));

    [Fact]
    public Task A_Program_file_with_the_template_guard_is_not_flagged_and_an_unguarded_Swagger_is()
    {
        var test = Verify.CreateTest("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddEndpointsApiExplorer();
            var app = builder.Build();

            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            {|CK3003:app.UseSwagger()|};
            {|CK3003:app.UseSwaggerUI()|};
            app.MapPost("/connect/events", () => "ok");
            app.Run();
            """, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_Program_file_that_returns_early_outside_development_is_not_flagged()
    {
        var test = Verify.CreateTest("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/health", () => "ok");
            if (!app.Environment.IsDevelopment())
            {
                app.Run();
                return;
            }

            app.UseSwagger();
            app.UseSwaggerUI();
            app.Run();
            """, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    // JwtBearerOptions as declared by Microsoft.AspNetCore.Authentication.JwtBearer (whose 8.0 package cannot be resolved here).
    private const string JwtBearerStandIn = """
        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions
            {
                public bool IncludeErrorDetails { get; set; } = true;
                public bool RequireHttpsMetadata { get; set; } = true;
            }
        }
        """;

    [Fact]
    public Task JWT_bearer_error_details_switched_on_explicitly_are_flagged() => VerifyWebAsync(JwtBearerStandIn + """

        namespace Acme.VenafiBridge
        {
            using System;
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            public static class Authentication
            {
                public static Action<JwtBearerOptions> Configure(bool isDevelopment) => options =>
                {
                    {|CK3003:options.IncludeErrorDetails = true|};
                    options.RequireHttpsMetadata = true;
                    options.IncludeErrorDetails = false;
                    if (isDevelopment)
                    {
                        options.RequireHttpsMetadata = false;
                    }
                };

                public static JwtBearerOptions Defaults() => new JwtBearerOptions { {|CK3003:IncludeErrorDetails = true|} };
            }
        }
        """);

    // Extensions from packages outside the reference set (Microsoft.AspNetCore.OpenApi 9, Swashbuckle.AspNetCore.ReDoc, EF Core
    // diagnostics), declared where the real ones live.
    private const string MorePackagesStandIn = """
        namespace Microsoft.AspNetCore.Builder
        {
            using Microsoft.AspNetCore.Routing;

            public static class OpenApiEndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapOpenApi(this IEndpointRouteBuilder endpoints, string pattern = "/openapi/{documentName}.json") => null!;
            }

            public static class ReDocBuilderExtensions
            {
                public static IApplicationBuilder UseReDoc(this IApplicationBuilder app) => app;
            }

            public static class SwaggerEndpointExtensions
            {
                public static IEndpointConventionBuilder MapSwagger(this IEndpointRouteBuilder endpoints) => null!;
            }

            public static class MigrationsEndPointExtensions
            {
                public static IApplicationBuilder UseMigrationsEndPoint(this IApplicationBuilder app) => app;
            }
        }
        """;

    [Fact]
    public Task OpenAPI_ReDoc_and_migrations_endpoints_are_flagged() => VerifyWebAsync(MorePackagesStandIn + """

        namespace Acme.CommercetoolsConnect
        {
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public static class Endpoints
            {
                public static void Map(WebApplication app, IWebHostBuilder webHost)
                {
                    {|CK3003:app.MapOpenApi()|};
                    {|CK3003:app.MapSwagger()|};
                    {|CK3003:app.UseReDoc()|};
                    {|CK3003:app.UseMigrationsEndPoint()|};
                    {|CK3003:webHost.UseSetting("detailedErrors", "true")|};
                    webHost.UseSetting("detailedErrors", "false");
                    webHost.UseSetting("environment", "true");
                    if (app.Environment.IsDevelopment())
                    {
                        app.MapOpenApi();
                        app.UseMigrationsEndPoint();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_Startup_class_with_an_environment_field() => VerifyWebAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        namespace Acme.VenafiBridge;

        public sealed class Startup(IWebHostEnvironment environment)
        {
            public void Configure(IApplicationBuilder app)
            {
                if (environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }

                {|CK3003:app.UseDeveloperExceptionPage()|};
            }
        }
        """);

    [Fact]
    public Task An_EF_Core_OnConfiguring_override_is_flagged() => VerifyWebAsync("""
        using Microsoft.EntityFrameworkCore;

        namespace Acme.CommercetoolsConnect;

        public sealed class TokenCacheContext : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                {|CK3003:optionsBuilder.EnableSensitiveDataLogging()|};
        }
        """);

    [Fact]
    public Task A_Conditional_DEBUG_method_is_not_flagged() => VerifyWebAsync("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;

        namespace Acme.CommercetoolsConnect;

        public static class DevelopmentDocs
        {
            [Conditional("DEBUG")]
            public static void Enable(WebApplication app)
            {
                app.UseSwagger();
                app.UseSwaggerUI();
            }
        }
        """);

    [Fact]
    public Task Look_alike_methods_and_properties_on_user_types_are_not_flagged() => VerifyWebAsync("""
        namespace Acme.CommercetoolsConnect.Docs
        {
            public sealed class ApiDocs
            {
                public bool DetailedErrors { get; set; }
                public bool ShowPII { get; set; }
                public ApiDocs UseSwagger() => this;
                public ApiDocs UseDeveloperExceptionPage() => this;
                public ApiDocs EnableSensitiveDataLogging() => this;
            }

            public static class Setup
            {
                public static ApiDocs Configure() =>
                    new ApiDocs { DetailedErrors = true, ShowPII = true }.UseSwagger().UseDeveloperExceptionPage().EnableSensitiveDataLogging();
            }
        }
        """);

    [Fact]
    public Task A_project_without_ASP_NET_Core_EF_Core_or_IdentityModel_is_skipped() => Verify.VerifyAsync("""
        namespace Acme.AdobeSign;

        public sealed class Pipeline
        {
            public Pipeline UseDeveloperExceptionPage() => this;
            public void Build() => UseDeveloperExceptionPage();
        }
        """);

    [Fact]
    public Task Test_projects_are_not_analysed()
    {
        var test = Verify.CreateTest(InService("app.UseDeveloperExceptionPage();"), editorConfig: null).WithGlobalConfig("build_property.IsTestProject = true");
        test.References = TestReferences.AspNetCore80;
        return test.RunAsync();
    }

    [Fact]
    public Task Test_projects_can_opt_in()
    {
        var test = Verify.CreateTest(InService("{|CK3003:app.UseDeveloperExceptionPage()|};"), editorConfig: null)
            .WithGlobalConfig("build_property.IsTestProject = true\ncertkit.analyze_test_projects = true");
        test.References = TestReferences.AspNetCore80;
        return test.RunAsync();
    }

    [Fact]
    public Task The_message_names_the_feature()
    {
        var test = Verify.CreateTest(InService("IdentityModelEventSource.ShowPII = true;"), editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DebugFeatureOutsideDevelopment).WithSpan(19, 1, 19, 40).WithArguments("ShowPII = true"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("app.UseDeveloperExceptionPage(")]
    [InlineData("app.UseSwagger().")]
    [InlineData("if (env.IsDevelopment() { app.UseSwagger(); }")]
    [InlineData("if (!env.IsDevelopment()) return app.UseSwagger();")]
    [InlineData("IdentityModelEventSource.ShowPII = ;")]
    [InlineData("db.EnableSensitiveDataLogging(undefinedSwitch);")]
    [InlineData("var isDev2 = ; if (isDev2) app.UseSwagger();")]
    [InlineData("if (unknown.IsDevelopment()) app.UseSwagger();")]
    [InlineData("#if DEBUG\napp.UseSwagger();")]
    [InlineData("#endif\nif (isDev)")]
    public Task Broken_code_does_not_throw(string statement) =>
        BrokenCodeRunner.AssertNoAnalyzerExceptionAsync(new CK3003DebugFeatureOutsideDevelopmentAnalyzer(), InService(statement), TestReferences.AspNetCore80, "DEBUG");
}
