// Swagger UI on the document named by this script tag's data-openapi, read-only: "try it out" is off, so the page
// never sends a request with anybody's key.
(function () {
  const documentUrl = document.currentScript.dataset.openapi;
  window.onload = function () {
    window.ui = SwaggerUIBundle({
      url: documentUrl,
      dom_id: '#swagger-ui',
      deepLinking: true,
      supportedSubmitMethods: [],
      validatorUrl: null
    });
  };
})();
