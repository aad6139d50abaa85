using CertKit.Analyzers.CodeFixes;
using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Tests.CodeFixes;

public class CK3003WrapInIsDevelopmentCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new CodeFixVerifier<CK3003DebugFeatureOutsideDevelopmentAnalyzer, CK3003WrapInIsDevelopmentCodeFix>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            References = TestReferences.AspNetCore80,
        };
        test.TestState.OutputKind = outputKind;
        test.FixedState.OutputKind = outputKind;
        return test.RunAsync();
    }

    [Fact]
    public Task A_Program_file_guards_Swagger_with_the_application_environment() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {|CK3003:app.UseSwagger()|};
        app.MapPost("/connect/events", () => "ok");
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseSwagger();
        }
        app.MapPost("/connect/events", () => "ok");
        app.Run();
        """,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task An_application_builder_uses_the_environment_parameter() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        namespace Acme.VenafiBridge;

        public static class Pipeline
        {
            public static void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                {|CK3003:app.UseDeveloperExceptionPage()|};
                app.UseRouting();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        namespace Acme.VenafiBridge;

        public static class Pipeline
        {
            public static void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.UseRouting();
            }
        }
        """);

    [Fact]
    public Task A_Startup_class_uses_its_environment_field_and_gets_the_hosting_using() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        namespace Acme.VenafiBridge;

        public sealed class Startup
        {
            private readonly IWebHostEnvironment _environment;

            public Startup(IWebHostEnvironment environment) => _environment = environment;

            public void Configure(IApplicationBuilder app)
            {
                {|CK3003:app.UseSwaggerUI()|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        namespace Acme.VenafiBridge;

        public sealed class Startup
        {
            private readonly IWebHostEnvironment _environment;

            public Startup(IWebHostEnvironment environment) => _environment = environment;

            public void Configure(IApplicationBuilder app)
            {
                if (_environment.IsDevelopment())
                {
                    app.UseSwaggerUI();
                }
            }
        }
        """);

    [Fact]
    public Task A_property_assignment_uses_the_builder_environment() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        namespace Acme.CommercetoolsConnect;

        public static class Diagnostics
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                {|CK3003:IdentityModelEventSource.ShowPII = true|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;
        using Microsoft.IdentityModel.Logging;

        namespace Acme.CommercetoolsConnect;

        public static class Diagnostics
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                if (builder.Environment.IsDevelopment())
                {
                    IdentityModelEventSource.ShowPII = true;
                }
            }
        }
        """);

    [Fact]
    public Task A_statement_inside_a_lambda_block_is_wrapped_where_it_stands() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Acme.CommercetoolsConnect;

        public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options);

        public static class Data
        {
            public static void Add(WebApplicationBuilder builder)
            {
                builder.Services.AddDbContext<OrdersDbContext>(options =>
                {
                    {|CK3003:options.EnableSensitiveDataLogging()|};
                });
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Acme.CommercetoolsConnect;

        public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options);

        public static class Data
        {
            public static void Add(WebApplicationBuilder builder)
            {
                builder.Services.AddDbContext<OrdersDbContext>(options =>
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        options.EnableSensitiveDataLogging();
                    }
                });
            }
        }
        """);

    [Fact]
    public Task No_fix_without_an_environment_in_scope()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;

            namespace Acme.CommercetoolsConnect;

            public sealed class TokenCacheContext : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                {
                    {|CK3003:optionsBuilder.EnableSensitiveDataLogging()|};
                }
            }
            """;
        return VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_inside_an_expression_lambda()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            namespace Acme.CommercetoolsConnect;

            public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options);

            public static class Data
            {
                public static void Add(WebApplicationBuilder builder) =>
                    builder.Services.AddDbContext<OrdersDbContext>(options => {|CK3003:options.EnableSensitiveDataLogging()|});
            }
            """;
        return VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_for_an_embedded_statement_without_braces()
    {
        const string source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            namespace Acme.CommercetoolsConnect;

            public static class Pipeline
            {
                public static void Configure(WebApplication app, bool docs)
                {
                    if (docs)
                        {|CK3003:app.UseSwagger()|};
                }
            }
            """;
        return VerifyAsync(source, source);
    }

    [Fact]
    public Task Fix_all_guards_every_statement_it_can_and_skips_one_without_an_environment() => VerifyAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        namespace Acme.VenafiBridge;

        public static class Pipeline
        {
            public static void ConfigureWithoutEnvironment(IApplicationBuilder app)
            {
                {|CK3003:app.UseDeveloperExceptionPage()|};
            }

            public static void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                {|CK3003:app.UseDeveloperExceptionPage()|};
                app.UseRouting();
                {|CK3003:app.UseSwagger()|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        namespace Acme.VenafiBridge;

        public static class Pipeline
        {
            public static void ConfigureWithoutEnvironment(IApplicationBuilder app)
            {
                {|CK3003:app.UseDeveloperExceptionPage()|};
            }

            public static void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.UseRouting();
                if (env.IsDevelopment())
                {
                    app.UseSwagger();
                }
            }
        }
        """);
}
