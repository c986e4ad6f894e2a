// Allure 3's configuration for `python -m livedocs.allure_report` (which sets ALLURE_NO_ANALYTICS=true).
// One self-contained file in the classic Allure 2 look, that QA teams know: singleFile embeds every script,
// style and result in index.html, so it opens from disk, offline, and loads nothing from the network.
export default {
  name: "JSONPlaceholder users API",
  output: "../../reports/allure-report",
  plugins: {
    allure2: {
      options: {
        reportName: "JSONPlaceholder users API: acceptance suite",
        singleFile: true,
        reportLanguage: "en",
      },
    },
  },
};
