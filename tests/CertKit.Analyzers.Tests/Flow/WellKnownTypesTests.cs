using CertKit.Analyzers.Flow;

namespace CertKit.Analyzers.Tests.Flow;

public class WellKnownTypesTests
{
    [Fact]
    public void One_provider_per_compilation_resolving_each_name_once()
    {
        var code = new FlowTestCode("class C { }");
        var provider = WellKnownTypes.For(code.Compilation);

        Assert.Same(provider, WellKnownTypes.For(code.Compilation));
        var secureString = provider.Get(WellKnownTypeNames.SystemSecuritySecureString);
        Assert.NotNull(secureString);
        Assert.Same(secureString, provider.Get(WellKnownTypeNames.SystemSecuritySecureString));
        Assert.Equal("System.Security.SecureString", secureString!.ToDisplayString());
    }

    [Fact]
    public void A_type_the_compilation_does_not_reference_is_null_every_time()
    {
        var code = new FlowTestCode("class C { }");
        var provider = WellKnownTypes.For(code.Compilation);

        Assert.Null(provider.Get(WellKnownTypeNames.XamarinEssentialsPreferences));
        Assert.Null(provider.Get(WellKnownTypeNames.XamarinEssentialsPreferences));
    }

    [Fact]
    public void Another_compilation_gets_its_own_provider()
    {
        var first = new FlowTestCode("class C { }");
        var second = new FlowTestCode("class D { }");

        Assert.NotSame(WellKnownTypes.For(first.Compilation), WellKnownTypes.For(second.Compilation));
        Assert.Same(second.Compilation, WellKnownTypes.For(second.Compilation).Compilation);
    }

    [Fact]
    public void A_lazy_type_is_the_providers_answer_on_first_use()
    {
        var code = new FlowTestCode("class C { }");
        var provider = WellKnownTypes.For(code.Compilation);
        var secureString = provider.Lazy(WellKnownTypeNames.SystemSecuritySecureString);
        var absent = provider.Lazy(WellKnownTypeNames.XamarinEssentialsPreferences);

        Assert.Same(provider.Get(WellKnownTypeNames.SystemSecuritySecureString), secureString.Value);
        Assert.Same(secureString.Value, secureString.Value);
        Assert.Null(absent.Value);
        Assert.Null(absent.Value);
    }
}
