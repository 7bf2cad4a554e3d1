namespace Bitrix24.Generated;

/// <summary>A batch command that did not run because an earlier one failed and the batch halts on errors.</summary>
public sealed class Bitrix24BatchCommandNotRunException : Bitrix24Exception
{
    /// <summary>Creates the exception.</summary>
    public Bitrix24BatchCommandNotRunException(string method)
        : base(method, $"'{method}' did not run: an earlier command of its batch failed and the batch halts on errors.")
    {
    }
}
