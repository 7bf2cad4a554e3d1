using Bitrix24.SpecImporter.Pages;

namespace Bitrix24.SpecImporter.Mapping;

/// <summary>
/// Where a table stands: its page (for resolving the links in it) and the prefix the types found on that page
/// take, the C# name of the page's method (<c>CrmDealGet</c>), or empty on a page that is not a method's.
/// </summary>
internal sealed record TableSite(string PagePath, PageOutline Outline, string TypePrefix);
