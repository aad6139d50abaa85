using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace SampleIntegration.Startup;

/// <summary>The integration's HTTP pipeline: health and webhook endpoints.</summary>
public static class IntegrationPipeline
{
    public static WebApplication UseSampleIntegration(this WebApplication app)
    {
        // Detailed error pages only on a developer's machine.
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }

    /// <summary>The support team's troubleshooting switch.</summary>
    public static WebApplication UseTroubleshooting(this WebApplication app)
    {
        // DELIBERATE FINDING CK3003: the developer exception page, whatever the environment.
        app.UseDeveloperExceptionPage();
        return app;
    }
}
