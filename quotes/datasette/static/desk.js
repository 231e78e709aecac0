// Fold Datasette's list of column descriptions under one line, so the rows come first.
document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
  var details = document.createElement("details");
  details.className = "column-notes";
  details.innerHTML = "<summary>What the columns mean</summary>";
  list.parentNode.insertBefore(details, list);
  details.appendChild(list);
});
// On the quote page, scroll the article so the highlighted quote is in view.
(function () {
  var body = document.getElementById("article-body"), mark = document.getElementById("quote");
  if (body && mark) {
    body.scrollTop = mark.offsetTop - body.offsetTop - body.clientHeight / 3;
  }
})();
