using System;
using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bitrix24.Generated.Stores.Tests;

/// <summary>
/// A fact of the store contract: skipped, with the reason, in a class over PostgreSQL when PostgreSQL is not installed.
/// </summary>
[XunitTestCaseDiscoverer("Bitrix24.Generated.Stores.Tests.StoreFactDiscoverer", "Bitrix24.Generated.Stores.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>Finds the <see cref="StoreFactAttribute"/> tests.</summary>
public sealed class StoreFactDiscoverer : FactDiscoverer
{
    /// <summary>Creates the discoverer.</summary>
    public StoreFactDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    /// <inheritdoc/>
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>A store test, skipped when its class needs PostgreSQL and there is none.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    /// <summary>For deserialization.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("For deserialization only.")]
    public StoreTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <inheritdoc/>
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        typeof(PostgresStoreTests).IsAssignableFrom(TestMethod.TestClass.Class.ToRuntimeType()) && PostgresServer.SkipReason is { } reason
            ? reason
            : base.GetSkipReason(factAttribute);
}
