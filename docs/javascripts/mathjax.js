// MathJax 3 configuration for the shiftlab site. Loaded before assets/mathjax/tex-svg.js,
// which the build copies from the django-static-mathjax wheel (no CDN).
//
// pymdownx.arithmatex (generic: true) wraps every formula in an element of class
// "arithmatex", using \( \) inline and \[ \] for display. Notebook pages keep Jupyter's
// $ and $$ inside "jp-RenderedMarkdown" cells, nested in <p>, <li>, ... Any element with
// a class attribute is skipped unless it has one of those two classes; elements without
// one inherit from their parent. So a dollar sign in prose or code is never taken for math.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    // ".+" and not ".*": an empty class must not match, or the <p> in a notebook cell is skipped.
    ignoreHtmlClass: ".+",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown",
  },
  startup: {
    // Typesetting is driven by Material's document$ below, once per page.
    typeset: false,
    ready() {
      MathJax.startup.defaultReady();
      const typesetPage = () => {
        // Chained on startup.promise so two typesets never overlap.
        MathJax.startup.promise = MathJax.startup.promise.then(() => {
          // Forget the previous page's math (instant navigation swaps the content).
          MathJax.typesetClear();
          MathJax.texReset();
          return MathJax.typesetPromise();
        });
      };
      if (typeof window.document$ !== "undefined") {
        // Material emits on first load and after each instant navigation.
        window.document$.subscribe(typesetPage);
      } else {
        typesetPage();
      }
    },
  },
};
